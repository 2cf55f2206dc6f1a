/**
 * What a widget component needs for its embed page (src/course/embeds.ts): its id, the anchor
 * its chapter copy carries (`#widget-training-dying`, the embed page's link back to it), and
 * whether to offer the "Embed" action, which an embed page itself does not.
 */
import { embedId, widgetInstances, type WidgetName } from '../../course/embeds.ts';
import { wordsFor } from '../../i18n/index.ts';
import { pageLang } from './where.ts';

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
    label: given['name'] ?? wordsFor(pageLang(locals)).live.embed.names[component],
    offer: locals.embed === undefined,
  };
}
