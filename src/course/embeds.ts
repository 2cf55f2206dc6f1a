/**
 * The course's embeddable widgets, found in the chapters themselves.
 *
 * Every figure widget a chapter uses (`<Training model="dying" />`, `<NeuronDiagram />`, …) gets a
 * page of its own at `/embed/<id>/` that shows just that widget, for an instructor's slides or
 * learning-management page. The id comes from the component and the instances it shows:
 *
 *   <NeuronDiagram />                 ──▶ neuron-diagram
 *   <Training model="dying-leaky" />  ──▶ training-dying-leaky
 *   <Zigzag left="zigzag-batch" />    ──▶ zigzag-zigzag-batch
 *
 * so that the same widget keeps its address however the chapter around it changes. Still figures
 * whose caption is the chapter's own text (`<Staircase>…</Staircase>`) are not widgets: they have
 * nothing to change, and a slide can use their picture. The chapter's
 * own copy of the widget computes the same id (for its "Embed" action) with embedId().
 *
 * Pure functions over MDX source text: no Astro, no file system, so that a unit test can run them.
 */
import { splitRef } from '../live/model.ts';
import { en, type EmbedPageWords } from '../live/live-words.ts';

/** What the embed pages need to know about one widget component. */
export interface WidgetSpec {
  /** The URL segment: the component's name in kebab case. */
  readonly slug: string;
  /** What the widget is, for an iframe's title: "Neuron diagram". */
  readonly label: string;
  /**
   * The props that name a model instance, each with its default (undefined: the prop is
   * required). A prop given with a value other than its default adds that value to the id.
   */
  readonly instanceProps: Readonly<Record<string, string | undefined>>;
  /** Instances the widget shows that no prop names (the backprop diagram's fixed network). */
  readonly fixedInstances?: readonly string[];
}

/** The widgets' names in English (src/live/live-words.ts; other languages in src/i18n/). */
const NAMES = en.embed.names;

export const WIDGETS = {
  NeuronDiagram: {
    slug: 'neuron-diagram',
    label: NAMES.NeuronDiagram,
    instanceProps: { instance: 'neuron' },
  },
  ActivationExplorer: {
    slug: 'activation-explorer',
    label: NAMES.ActivationExplorer,
    instanceProps: { instance: 'activations' },
  },
  Zigzag: {
    slug: 'zigzag',
    label: NAMES.Zigzag,
    instanceProps: { left: 'zigzag', right: 'zigzag-tanh' },
  },
  FitNetwork: {
    slug: 'fit-network',
    label: NAMES.FitNetwork,
    instanceProps: { instance: 'fit' },
  },
  AutodiffGraph: {
    slug: 'autodiff-graph',
    label: NAMES.AutodiffGraph,
    instanceProps: { instance: 'autodiff' },
  },
  NetworkDiagram: {
    slug: 'network-diagram',
    label: NAMES.NetworkDiagram,
    instanceProps: {},
    fixedInstances: ['mazur'],
  },
  Training: {
    slug: 'training',
    label: NAMES.Training,
    instanceProps: { model: undefined },
  },
  DepthFlow: {
    slug: 'depth-flow',
    label: NAMES.DepthFlow,
    instanceProps: { instance: 'depth' },
  },
} as const satisfies Record<string, WidgetSpec>;

export type WidgetName = keyof typeof WIDGETS;

export const isWidget = (name: string): name is WidgetName => Object.hasOwn(WIDGETS, name);

/** A widget's props as a chapter writes them: text values only. */
export type WidgetProps = Readonly<Record<string, string>>;

/** The id of a widget's embed page: `training-dying`, `neuron-diagram`. */
export function embedId(component: WidgetName, props: WidgetProps): string {
  const spec: WidgetSpec = WIDGETS[component];
  const parts: string[] = [spec.slug];
  for (const [prop, fallback] of Object.entries(spec.instanceProps)) {
    const value = props[prop];
    if (value !== undefined && value !== fallback) parts.push(value);
  }
  return parts.join('-');
}

/** The model instances a widget shows, e.g. ["zigzag", "zigzag-tanh"]. */
export function widgetInstances(component: WidgetName, props: WidgetProps): string[] {
  const spec: WidgetSpec = WIDGETS[component];
  const named = Object.entries(spec.instanceProps).flatMap(([prop, fallback]) => {
    const value = props[prop] ?? fallback;
    return value === undefined ? [] : [value];
  });
  return [...new Set([...named, ...(spec.fixedInstances ?? [])])];
}

/** One widget as a chapter uses it. */
export interface Embed {
  readonly id: string;
  readonly component: WidgetName;
  readonly props: WidgetProps;
  /** The instances it shows, in the order the widget names them. */
  readonly instances: readonly string[];
  /** The chapter's slug, e.g. "activations", and its source file, for messages. */
  readonly chapter: string;
  readonly file: string;
  /** Its name for people: the widget's own `name` prop, or its kind ("Training panel"). */
  readonly label: string;
}

/** A tag `<Name …/>` or `<Name …>` of one of the widgets, with its attribute text. */
const TAG = new RegExp(`<(${Object.keys(WIDGETS).join('|')})(\\s[^>]*?)?\\s*/?>`, 'g');
/** `name="value"` (or single quotes); nothing else belongs in a widget's attributes. */
const ATTRIBUTE = /\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*/y;

function attributes(text: string, where: string): Record<string, string> {
  const props: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let rest = text.trim();
  while (rest !== '') {
    ATTRIBUTE.lastIndex = 0;
    const match = ATTRIBUTE.exec(rest);
    if (!match?.[1]) {
      throw new Error(
        `${where}: the widget's props must be plain text, like model="dying", so that it can have an embed page; could not read "${rest.slice(0, 40)}".`,
      );
    }
    props[match[1]] = match[2] ?? match[3] ?? '';
    rest = rest.slice(ATTRIBUTE.lastIndex).trim();
  }
  return props;
}

/** Fenced code (```…```) is text about components, not a use of one. */
const stripCode = (source: string): string => source.replace(/^(```|~~~)[^]*?^\1/gm, '');

/**
 * Every widget the chapters use, in chapter order. Two uses that would share an id (the same
 * widget on the same instances, in one chapter or two) fail: an embed page shows one of them.
 */
export function findEmbeds(
  chapters: ReadonlyArray<{ slug: string; file: string; source: string }>,
): Embed[] {
  const found: Embed[] = [];
  const seen = new Map<string, string>();
  for (const { slug, file, source } of chapters) {
    for (const match of stripCode(source).matchAll(TAG)) {
      const component = match[1] as WidgetName;
      const props = attributes(match[2] ?? '', `${file}: <${component}>`);
      const id = embedId(component, props);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        throw new Error(
          `${file}: <${component}> would have the embed page /embed/${id}/, which ${earlier} already has. Give one of them an instance of its own in the page's frontmatter.`,
        );
      }
      seen.set(id, `${file}: <${component}>`);
      found.push({
        id,
        component,
        props,
        instances: widgetInstances(component, props),
        chapter: slug,
        file,
        label: props['name'] ?? WIDGETS[component].label,
      });
    }
  }
  return found;
}

/** What an embed link may hide: `?hide=controls`, `?hide=text`, or both (`controls,text`). */
export const HIDEABLE = ['controls', 'text'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/**
 * Reads the `hide` flags of an embed page's query string: the parts to hide, and a sentence when
 * it names anything else. Values may be separated by commas, spaces or repeated keys.
 */
export function parseHide(
  search: string,
  words: Pick<EmbedPageWords, 'unknownHide'> = en.embed.page,
): { hide: Hideable[]; notices: string[] } {
  const hide = new Set<Hideable>();
  let unknown = false;
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search);
  } catch {
    return { hide: [], notices: [] };
  }
  for (const value of query.getAll('hide')) {
    for (const word of value.split(/[\s,]+/).filter(Boolean)) {
      const part = word.toLowerCase();
      if ((HIDEABLE as readonly string[]).includes(part)) hide.add(part as Hideable);
      else unknown = true;
    }
  }
  // The word is not echoed, as with any unusable value in a link (url-codec.ts): it may be any
  // text at all.
  const notices = unknown ? [words.unknownHide(HIDEABLE)] : [];
  return { hide: HIDEABLE.filter((part) => hide.has(part)), notices };
}

/** The colour themes an embed link may ask for (`?theme=light`); without one, the system's. */
export const THEMES = ['light', 'dark'] as const;

/** A sentence when the link's `theme` is none of THEMES (the value is not echoed), else none. */
export function themeNotices(
  search: string,
  words: Pick<EmbedPageWords, 'unknownTheme'> = en.embed.page,
): string[] {
  let theme: string | null;
  try {
    theme = new URLSearchParams(search).get('theme');
  } catch {
    return [];
  }
  return theme === null || (THEMES as readonly string[]).includes(theme)
    ? []
    : [words.unknownTheme(THEMES)];
}

/**
 * The part of a page's query string that belongs to some of its instances (`dying.eta=1`),
 * for an embed link: every other key is dropped. Returns "" or "?…".
 */
export function stateQuery(search: string, instances: readonly string[]): string {
  const query = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [key, value] of query) {
    const instance = splitRef(key)?.instance;
    if (instance !== undefined && instances.includes(instance)) kept.append(key, value);
  }
  const text = kept.toString();
  return text === '' ? '' : `?${text}`;
}
