/**
 * What a printout says when the page's live values are not its starting ones: that they differ,
 * the update order, every changed value, and the full link that reproduces them. Paper cannot be
 * edited or followed, so a printed page must say which numbers it shows. Pure: the live layer
 * (client/print-note.ts) keeps it on the page, in a block that only prints.
 *
 * The words are the note's English; the live layer has no other language yet.
 */
import { type AnyModel, type ParamValues } from './model.ts';
import { liveWords, pageLangTag } from '../i18n/index.ts';
import { localParam } from './labels.ts';
import { describeValue } from './params.ts';
import { encodeState, type EncodedInstance } from './url-codec.ts';

/** One model instance on the page, as the note reads it. */
export interface NoteInstance extends EncodedInstance {
  readonly spec: AnyModel;
  readonly values: ParamValues;
  /** The page's starting values: what counts as unchanged. */
  readonly defaults: ParamValues;
}

/** The note's lines, in order. */
export interface PrintNote {
  readonly title: string;
  /** "Update order: …", one per instance whose training has an order setting. */
  readonly orders: readonly string[];
  /** "learning rate η = 0.8 (starting value 0.5)", one per changed value. */
  readonly changed: readonly string[];
  /** The sentence before the link. */
  readonly linkIntro: string;
  /** The page's full address with every changed value in its query. */
  readonly link: string;
}

/**
 * The note for `instances` at `href` (the page's address now), or undefined when every value is
 * at its starting value and the printout needs no note. The instance name is added to each line
 * only when more than one instance has changed, as the labels say which number each is.
 */
export function printNote(instances: readonly NoteInstance[], href: string): PrintNote | undefined {
  const edited = instances.filter(({ spec, values, defaults }) =>
    Object.keys(spec.params).some((name) => values[name] !== defaults[name]),
  );
  if (edited.length === 0) return undefined;
  const WORDS = liveWords().print;
  const lang = pageLangTag();
  const named = edited.length > 1;
  const orders: string[] = [];
  const changed: string[] = [];
  for (const { instance, spec, values, defaults } of edited) {
    const order = spec.train?.settings.inPlace;
    const prefix = named ? `${instance}: ` : '';
    if (order !== undefined && Object.hasOwn(spec.params, order)) {
      const how = values[order] === true ? WORDS.inPlace : WORDS.simultaneous;
      orders.push(
        WORDS.order(how, values[order] !== defaults[order], named ? ` (${instance})` : ''),
      );
    }
    for (const name of Object.keys(spec.params)) {
      const value = values[name];
      const start = defaults[name];
      if (name === order || value === start || value === undefined || start === undefined) continue;
      const p = localParam(spec, name, lang); // its label and options in the page's language
      changed.push(prefix + WORDS.value(p.label, describeValue(p, value), describeValue(p, start)));
    }
  }
  const url = new URL(href);
  url.search = encodeState(url.search, instances);
  url.hash = '';
  return { title: WORDS.title, orders, changed, linkIntro: WORDS.linkIntro, link: url.href };
}
