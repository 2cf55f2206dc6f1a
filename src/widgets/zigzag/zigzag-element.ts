/**
 * `<zigzag-descent>`: keeps the two panels' instances on one start, η, ε, step limit and mode,
 * redraws a panel when its numbers change, and moves the start to where the reader drags or
 * taps on a panel. The controls above the panels are live fields of the left instance; the
 * right one follows it here.
 *
 *   edit of the left instance ──▶ copy the shared parameters to the right one
 *   a panel's path, contours or best rate changes ──▶ redraw it just after the next frame
 *     (the first time, load plot-lib; until then the build's figure stays, marked busy)
 *   pointer down on a panel, or moving while pressed ──▶ start = where it points
 *   values settle while the focus or the pointer is in the widget ──SETTLE_MS──▶ the status says
 *     each panel's result, once
 */
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import { optionLabels } from '../../live/labels.ts';
import type { PageStore } from '../../live/client/page.ts';
import type { ParamValues } from '../../live/model.ts';
import { GRID, TARGET, WINDOW } from '../../live/models/zigzag.ts';
import type { ModelState } from '../../live/store.ts';
import {
  panelSummary,
  resultWords,
  zigzagWords,
  type PanelNumbers,
  type ZigzagWords,
} from './words.ts';
import { weightsFromPointer, zigzagPlot, type PanelData, type PlotLib } from './zigzag-plot.ts';

/** The parameters both panels share: all but their inputs. */
const SHARED = ['w0', 'w1', 'eta', 'batch', 'steps', 'epsilon'] as const;
/** How long the values must stay put before they are said: longer than an arrow key's repeat. */
const SETTLE_MS = 1000;

interface Panel {
  readonly state: ModelState;
  readonly root: HTMLElement;
  /** What the figure shows now, so that an unrelated change does not redraw it. */
  drawn: string;
}

/** The numbers a panel's summary needs, or undefined while the worker computes some. */
function panelNumbers(state: ModelState): PanelNumbers | undefined {
  const p = state.params.value;
  const get = (name: string) => state.number(name);
  const names = ['stepsToEps', 'arrived', 'diverged', 'sameSign', 'mixed', 'quadrants'] as const;
  const values = Object.fromEntries(names.map((name) => [name, get(name)]));
  const condition = get('condition');
  const best = {
    bestEta: get('bestEta'),
    bestSteps: get('bestSteps'),
    bestArrived: get('bestArrived'),
  };
  if (Object.values(values).some((v) => v === undefined) || condition === undefined)
    return undefined;
  if (Object.values(best).some((v) => v === undefined)) return undefined;
  return {
    ...(values as Record<(typeof names)[number], number>),
    condition,
    eta: Number(p['eta']),
    epsilon: Number(p['epsilon']),
    batch: p['batch'] === true,
    ...best,
  };
}

/** The panel's inputs as its menu names them, in the page's language `lang`. */
function inputsName(state: ModelState, p: ParamValues, lang: string): string {
  const inputs = String(p['inputs']);
  return optionLabels(state.spec, 'inputs', lang)[inputs] ?? inputs;
}

class ZigzagDescent extends LiveElement {
  #panels: Panel[] = [];
  #plot: PlotLib | undefined;
  #loading: Promise<void> | undefined;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settle: ReturnType<typeof setTimeout> | undefined;
  /** Set while the reader drags or taps on a panel, so that the result is said afterwards. */
  #pointing = false;

  /** The page's language (<html lang>), and its words. */
  get #lang(): string {
    return this.ownerDocument.documentElement.lang;
  }

  get #words(): ZigzagWords {
    return byLocale(zigzagWords, this.#lang);
  }

  protected override setup(): void {
    const models = (this.dataset['models'] ?? '').split(' ');
    this.#panels = [];
    for (const model of models) {
      const found = this.lookup(`${model}.w0`);
      const root = this.querySelector<HTMLElement>(`.zigzag__panel[data-model="${model}"]`);
      if (!found || !root) return;
      // The build drew each figure for the page's starting values; a shared link may differ.
      this.#panels.push({ state: found.state, root, drawn: this.#key(found.state.defaults) });
    }
    const [left, ...others] = this.#panels;
    if (!left) return;
    this.watch(() => {
      const p = left.state.params.value;
      const shared = Object.fromEntries(SHARED.map((name) => [name, p[name]]));
      for (const other of others) other.state.setMany(shared as ParamValues);
    });
    for (const panel of this.#panels) {
      let seen = panel.drawn;
      this.watch(() => {
        const key = this.#key(panel.state.params.value);
        // Reading the worker's values asks for them; undefined until they arrive.
        const ready =
          panel.state.array('grid') !== undefined && panelNumbers(panel.state) !== undefined;
        // Only an edit is news: the worker's first answer for the drawn values is not.
        if (key !== seen) {
          seen = key;
          if (this.contains(document.activeElement) || this.#pointing) this.#announceLater();
        }
        if (key === panel.drawn) {
          // The figure already shows these values (the build's, or an earlier redraw).
          panel.root.removeAttribute('aria-busy');
          return;
        }
        panel.root.setAttribute('aria-busy', 'true');
        if (ready) this.#schedule();
      });
      const plot = panel.root.querySelector<HTMLElement>('.zigzag__plot');
      const point = (event: PointerEvent) => {
        if (event.type === 'pointermove' && event.buttons === 0) return;
        this.#point(event, plot);
      };
      plot?.addEventListener('pointerdown', point, this.listening);
      plot?.addEventListener('pointermove', point, this.listening);
    }
  }

  protected override teardown(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
    clearTimeout(this.#settle);
    this.#frame = 0;
  }

  #key(p: ParamValues): string {
    return ['inputs', ...SHARED].map((name) => String(p[name])).join(' ');
  }

  #point(event: PointerEvent, plot: HTMLElement | null): void {
    const svg = plot?.querySelector('svg');
    const left = this.#panels[0];
    if (!svg || !left) return;
    const [w0, w1] = weightsFromPointer(
      event.clientX,
      event.clientY,
      svg.getBoundingClientRect(),
      WINDOW,
    );
    const p = left.state.params.peek();
    this.#pointing = true;
    if (p['w0'] !== w0 || p['w1'] !== w1) left.state.setMany({ w0, w1 });
  }

  #announceLater(): void {
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      this.#pointing = false;
      const status = this.querySelector('.zigzag__status');
      if (!status) return;
      const words = this.#words;
      const said = this.#panels.map((panel, i) => {
        const numbers = panelNumbers(panel.state);
        const name = inputsName(panel.state, panel.state.params.peek(), this.#lang);
        // "Left panel" first: both panels may show the same inputs.
        const side = i === 0 ? words.leftPanel : words.rightPanel;
        return numbers ? words.panelResult(side, name, resultWords(numbers, words)) : '';
      });
      status.textContent = said.filter((s) => s !== '').join(words.between);
    }, SETTLE_MS);
  }

  #schedule(): void {
    if (this.#frame !== 0) return;
    // Drawn just after the next frame, not in it: the edited numbers paint first.
    this.#frame = requestAnimationFrame(() => {
      this.#timer = setTimeout(() => {
        this.#frame = 0;
        if (this.#plot) this.#drawAll();
        else void this.#load().then(() => this.#drawAll());
      }, 0);
    });
  }

  #load(): Promise<void> {
    this.#loading ??= import('./plot-lib.ts').then(
      (Plot) => {
        this.#plot = Plot;
      },
      (error: unknown) => {
        // The build's figures stay; every number beside them is still live, and no panel
        // waits for a redraw that cannot come.
        console.error('The zig-zag figure could not load Plot:', error);
        for (const panel of this.#panels) panel.root.removeAttribute('aria-busy');
      },
    );
    return this.#loading;
  }

  #drawAll(): void {
    for (const panel of this.#panels) this.#draw(panel);
  }

  #draw(panel: Panel): void {
    const Plot = this.#plot;
    const { state, root } = panel;
    const p = state.params.peek();
    const key = this.#key(p);
    const numbers = panelNumbers(state);
    const grid = state.array('grid');
    const path = state.array('path');
    const lossMax = state.number('lossMax');
    const holder = root.querySelector('.zigzag__plot');
    const summary = root.querySelector('.zigzag__summary');
    if (!Plot || !numbers || !grid || !path || lossMax === undefined || !holder || !summary) return;
    if (key === panel.drawn && !root.hasAttribute('aria-busy')) return;
    const words = this.#words;
    const text = panelSummary(numbers, words);
    const data: PanelData = {
      inputs: inputsName(state, p, this.#lang),
      window: WINDOW,
      grid,
      columns: GRID,
      lossMax,
      path,
      target: TARGET,
      quadrants: numbers.quadrants,
      batch: numbers.batch,
      summary: text,
    };
    holder.replaceChildren(zigzagPlot(Plot, document, data, words));
    if (summary.textContent !== text) summary.textContent = text;
    root.removeAttribute('aria-busy');
    panel.drawn = key;
  }
}

/** Defines `<zigzag-descent>` once, bound to the page's store. */
export function defineZigzag(store: PageStore): void {
  defineLive('zigzag-descent', ZigzagDescent, store);
}
