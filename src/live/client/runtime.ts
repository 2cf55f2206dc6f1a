/**
 * The live layer of a page, loaded by boot.ts when the reader first reaches for it (or at once
 * for a shared link). It finds the model instances the page uses, loads just those models,
 * makes one store from the page's defaults and the URL, and upgrades the server-rendered
 * numbers and widgets. Nothing on the page changes unless the URL asked for it; a shared link's
 * numbers, hidden until then, show once they are its own (shared-link.ts).
 */
import { modelOfInstance, type ParamValues } from '../model.ts';
import { pageInstances } from './instances.ts';
import { modelLoaders } from '../models/loaders.ts';
import { widgetLoaders } from '../../widgets/loaders.ts';
import { createOffload } from './compute.ts';
import { defineLiveControls, syncUrl } from './controls.ts';
import { showNotices } from './notices.ts';
import { defineLiveField } from './live-field.ts';
import { defineLiveNumber } from './live-number.ts';
import { createPageStore, type InstanceSetup, type PageStore } from './page.ts';
import { keepPrintNote } from './print-note.ts';
import { bindMathReadOuts, defineLiveValue } from './read-outs.ts';
import { linkApplied, linkSettled } from './shared-link.ts';
import { pageWords } from '../../i18n/index.ts';
import { warmNumberFormat } from '../format.ts';

async function loadInstances(
  wanted: Map<string, ParamValues>,
): Promise<Record<string, InstanceSetup>> {
  const setups: Record<string, InstanceSetup> = {};
  await Promise.all(
    [...wanted].map(async ([instance, defaults]) => {
      const model = modelOfInstance(instance);
      const load = model && Object.hasOwn(modelLoaders, model) ? modelLoaders[model] : undefined;
      if (!load) return console.error(`This page names an unknown model "${instance}".`);
      setups[instance] = { spec: await load(), defaults };
    }),
  );
  return setups;
}

const stores = new WeakMap<Document, Promise<PageStore>>();

/** Starts the page's live layer once; resolves with its store when every element is live. */
export function start(doc: Document = document): Promise<PageStore> {
  let started = stores.get(doc);
  if (!started) {
    started = run(doc);
    stores.set(doc, started);
  }
  return started;
}

async function run(doc: Document): Promise<PageStore> {
  // Intl's number data takes a moment to load (format.ts): load it while the models and widgets
  // download, in a task of its own, rather than in the reader's first edit.
  setTimeout(warmNumberFormat, 0);
  // The widgets' code loads beside the models', not after them: a shared link's numbers wait
  // for both (shared-link.ts).
  const widgets = Object.entries(widgetLoaders)
    .filter(([tag]) => doc.querySelector(tag))
    .map(([, load]) => load());
  // Handled below, once the store exists; this only keeps an early failure from being reported
  // as unhandled before then.
  for (const widget of widgets) void widget.catch(() => undefined);
  const instances = await loadInstances(pageInstances(doc));
  const store = createPageStore(doc.location.search, instances, createOffload());
  // A hidden tab spends no time on runs nobody can see.
  doc.addEventListener('visibilitychange', () =>
    doc.hidden ? store.scheduler.pauseAll() : store.scheduler.resumeAll(),
  );
  defineLiveNumber(store);
  defineLiveField(store);
  defineLiveValue(store);
  bindMathReadOuts(doc, store);
  linkApplied(doc);
  const flushUrl = syncUrl(store);
  defineLiveControls(store, flushUrl);
  showNotices(store.notices, doc, pageWords(doc).live.notices);
  await Promise.all(widgets.map(async (define) => (await define)(store)));
  // Every element has taken its model by now, so the note sees every instance in use.
  keepPrintNote(store, doc);
  // For styles and tests: every element on the page is live now.
  doc.documentElement.dataset['live'] = 'ready';
  linkSettled(doc);
  return store;
}
