/**
 * One state per page. Every element and widget that names a model gets the same ModelState, so
 * one edit updates everything that depends on it. The store is made on first use, from the URL.
 */
import { models as registry } from '../models/index.ts';
import { createModelState, type ModelState } from '../store.ts';
import { decodeState } from '../url-codec.ts';
import type { ModelSpec } from '../model.ts';

export interface PageStore {
  /** The state of a model on this page, or undefined if no model has that name. */
  model(name: string): ModelState | undefined;
  /** The models in use on this page so far. */
  readonly active: ReadonlyMap<string, ModelState>;
  /** What the URL asked for that could not be used, in words for the reader. */
  readonly notices: readonly string[];
}

export function createPageStore(
  search: string,
  models: Readonly<Record<string, ModelSpec>> = registry,
): PageStore {
  const decoded = decodeState(search, models);
  const active = new Map<string, ModelState>();
  return {
    active,
    notices: decoded.notices,
    model(name) {
      const existing = active.get(name);
      if (existing) return existing;
      const spec = Object.hasOwn(models, name) ? models[name] : undefined;
      if (!spec) return undefined;
      const state = createModelState(spec, decoded.values[name]);
      active.set(name, state);
      return state;
    },
  };
}

// One store per document, made on first use. A WeakMap rather than a global variable: the page
// (or a test's document) owns its state, and nothing outlives it.
const stores = new WeakMap<Document, PageStore>();

export function pageStore(doc: Document = document): PageStore {
  let store = stores.get(doc);
  if (!store) {
    store = createPageStore(doc.location.search);
    stores.set(doc, store);
  }
  return store;
}
