/**
 * What a widget component needs for its embed page (src/course/embeds.ts): its id, the anchor
 * its chapter copy carries (`#widget-training-dying`, the embed page's link back to it), and
 * whether to offer the "Embed" action, which an embed page itself does not.
 */
import { WIDGETS, embedId, widgetInstances, type WidgetName } from '../../course/embeds.ts';

export interface WidgetEmbed {
  readonly id: string;
  readonly anchor: string;
  readonly instances: readonly string[];
  readonly label: string;
  /** False on the widget's own embed page. */
  readonly offer: boolean;
}

export function widgetEmbed(
  locals: App.Locals,
  component: WidgetName,
  props: unknown,
): WidgetEmbed {
  const given = Object.fromEntries(
    Object.entries(props as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  const id = embedId(component, given);
  return {
    id,
    anchor: `widget-${id}`,
    instances: widgetInstances(component, given),
    label: given['name'] ?? WIDGETS[component].label,
    offer: locals.embed === undefined,
  };
}
