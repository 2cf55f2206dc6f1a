/**
 * `<depth-flow>`: redraws chapter 7's charts when the worker's answers for the reader's settings
 * arrive, and says the settled result once.
 *
 *   any edit ──▶ charts marked busy ──▶ each group's answer arrives from the worker ──▶ redraw
 *     that group's charts just after the next frame (the edited numbers paint first)
 *   an edit while the focus is in the figure ──▶ (re)start a timer ──SETTLE_MS──▶ once both
 *     groups have answered: the status says both summaries, once (a screen reader dragging L
 *     hears the result, not every step)
 *
 * The controls, the URL and the table's numbers all follow the model like any other edit.
 */
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import type { PageStore } from '../../live/client/page.ts';
import type { ModelState } from '../../live/store.ts';
import { layerBars, lossLine } from './depth-svg.ts';
import { depthWords, flowText, sig, trainText, type DepthWords } from './words.ts';

/** How long the values must stay put before they are said: longer than an arrow key's repeat. */
const SETTLE_MS = 1000;

/** The flow group's values, or undefined while the worker works on them. */
function flowValues(state: ModelState) {
  const norms = state.array('norms');
  const firstNorm = state.number('firstNorm');
  const lastNorm = state.number('lastNorm');
  const orders = state.number('orders');
  const globalNorm = state.number('globalNorm');
  const clipScale = state.number('clipScale');
  if (!norms || firstNorm === undefined || lastNorm === undefined || orders === undefined)
    return undefined;
  if (globalNorm === undefined || clipScale === undefined) return undefined;
  return { norms, firstNorm, lastNorm, orders, globalNorm, clipScale };
}

/** The train group's values, or undefined while the worker works on them. */
function trainValues(state: ModelState) {
  const losses = state.array('losses');
  const changes = state.array('changes');
  const startLoss = state.number('startLoss');
  const endLoss = state.number('endLoss');
  const firstChange = state.number('firstChange');
  const lastChange = state.number('lastChange');
  if (!losses || !changes || startLoss === undefined || endLoss === undefined) return undefined;
  if (firstChange === undefined || lastChange === undefined) return undefined;
  return { losses, changes, startLoss, endLoss, firstChange, lastChange };
}

class DepthFlow extends LiveElement {
  #state: ModelState | undefined;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settle: ReturnType<typeof setTimeout> | undefined;
  #sayWhenReady = false;
  /**
   * The parameters each group's charts show, so that a value arriving for them again redraws
   * nothing. Kept per group: the bars can be drawn for newer settings than the training.
   */
  #drawnFlow = '';
  #drawnTrain = '';

  protected override setup(): void {
    const found = this.lookup(`${this.dataset['model'] ?? ''}.firstNorm`);
    if (!found) return;
    const state = found.state;
    this.#state = state;
    // The build drew the page's starting values; a shared link may differ.
    this.#drawnFlow = this.#drawnTrain = JSON.stringify(state.defaults);
    this.watch(() => {
      // Reads the parameters and both groups' values, so that this runs when any changes.
      const params = state.params.value;
      // The s control shows only for the initialisation it scales (depth.css).
      this.dataset['init'] = String(params['init']);
      const key = JSON.stringify(params);
      const ready = flowValues(state) !== undefined && trainValues(state) !== undefined;
      this.#charts()?.setAttribute('aria-busy', ready ? 'false' : 'true');
      if (key === this.#drawnFlow && key === this.#drawnTrain) return;
      this.#schedule();
      if (this.contains(document.activeElement)) this.#announceLater();
    });
  }

  protected override teardown(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
    clearTimeout(this.#settle);
    this.#frame = 0;
  }

  /** The figure's words in the page's language, read from <html lang> when needed. */
  #words(): DepthWords {
    return byLocale(depthWords, this.ownerDocument.documentElement.lang);
  }

  #charts(): HTMLElement | null {
    return this.querySelector('.depth__charts');
  }

  #schedule(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#timer = setTimeout(() => {
        this.#frame = 0;
        this.#draw();
      }, 0);
    });
  }

  #announceLater(): void {
    clearTimeout(this.#settle);
    this.#sayWhenReady = false;
    this.#settle = setTimeout(() => {
      this.#sayWhenReady = true;
      this.#say();
    }, SETTLE_MS);
  }

  /** Says both summaries once, when both groups have answered for the current settings. */
  #say(): void {
    const state = this.#state;
    const status = this.querySelector('.depth__status');
    if (!this.#sayWhenReady || !state || !status) return;
    const flow = this.querySelector('[data-summary="flow"]')?.textContent ?? '';
    const train = this.querySelector('[data-summary="train"]')?.textContent ?? '';
    if (!flowValues(state) || !trainValues(state)) return;
    this.#sayWhenReady = false;
    status.textContent = this.#words().settled(flow, train);
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    const p = state.params.peek();
    const key = JSON.stringify(p);
    const layers = Number(p['layers']);
    const words = this.#words();
    const flow = flowValues(state);
    if (flow) {
      this.#drawnFlow = key;
      this.#replace(
        'gradient',
        layerBars(document, flow.norms, { label: words.layerAxis, kind: 'gradient' }),
      );
      this.#text(
        'flow',
        flowText(
          {
            layers,
            ...flow,
            clip: p['clip'] === true,
            clipAt: Number(p['clipAt']),
          },
          words,
        ),
      );
    }
    const train = trainValues(state);
    if (train) {
      this.#drawnTrain = key;
      this.#replace('loss', lossLine(document, train.losses, words.stepAxis));
      this.#replace(
        'change',
        layerBars(document, train.changes, { label: words.layerAxis, kind: 'change' }),
      );
      this.#text('train', trainText({ steps: train.losses.length - 1, layers, ...train }, words));
    }
    if (flow && train) {
      this.#table(flow.norms, train.changes);
      this.#charts()?.setAttribute('aria-busy', 'false');
      this.#say();
    }
  }

  #replace(plot: string, svg: SVGElement): void {
    this.querySelector(`[data-plot="${plot}"]`)?.replaceChildren(svg);
  }

  #text(name: string, text: string): void {
    const p = this.querySelector(`[data-summary="${name}"]`);
    if (p && p.textContent !== text) p.textContent = text;
  }

  #table(norms: ArrayLike<number>, changes: ArrayLike<number>): void {
    const body = this.querySelector('.depth__numbers tbody');
    if (!body) return;
    const rows: HTMLTableRowElement[] = [];
    for (let i = 0; i < norms.length; i++) {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(i + 1);
      const norm = document.createElement('td');
      norm.textContent = sig(norms[i]!);
      const change = document.createElement('td');
      change.textContent = sig(changes[i] ?? 0);
      row.append(th, norm, change);
      rows.push(row);
    }
    body.replaceChildren(...rows);
  }
}

/** Defines `<depth-flow>` once, bound to the page's store. */
export function defineDepthFlow(store: PageStore): void {
  defineLive('depth-flow', DepthFlow, store);
}
