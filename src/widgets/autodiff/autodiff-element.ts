/**
 * `<autodiff-graph>`: steps through the computation graph, and redraws it when the function, the
 * point, the mode or the seed changes. The fields are the live layer's; the step is the model's
 * `step` parameter, so that a shared link keeps it.
 *
 *   Previous / Next, ←/→ (or ↑/↓) on them, Home / End ──▶ step − 1, + 1, first, last
 *   a click on a node in the drawing ──▶ the step that visits it
 *   any parameter changes ──▶ just after the next frame, redraw the drawing, the table and the
 *     panel's text; the panel's two formulas once KaTeX is loaded (the first time), marked busy
 *     until then
 *   the step moves ──STEP_MS──▶ the status says the step, once
 *   the function or the point changes while the reader is in the figure ──SETTLE_MS──▶ the status
 *     says f and its derivatives, once
 */
import type { Variable } from '../../engine/expression.ts';
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import type { PageStore } from '../../live/client/page.ts';
import type { ParamValues } from '../../live/model.ts';
import type { ModelState } from '../../live/store.ts';
import {
  figureState,
  graphSvg,
  numberText,
  stepTable,
  stepTex,
  type FigureParams,
  type FigureState,
} from './figure.ts';
import {
  autodiffWords,
  doneText,
  positionText,
  problemText,
  stepWords,
  type AutodiffWords,
} from './words.ts';

/** How long a step must stay before it is said: longer than an arrow key's repeat. */
const STEP_MS = 400;
/** How long the point or the function must stay put before the result is said. */
const SETTLE_MS = 1000;

type Katex = typeof import('katex').default;

function figureParams(p: ParamValues): FigureParams {
  const seed = String(p['seed']);
  return {
    fn: String(p['fn']),
    x: Number(p['x']),
    w: Number(p['w']),
    b: Number(p['b']),
    mode: p['mode'] === 'reverse' ? 'reverse' : 'forward',
    seed: (seed === 'x' || seed === 'b' ? seed : 'w') satisfies Variable,
    step: Number(p['step']),
  };
}

/** What the drawing depends on; a change of anything else (the pass table's numbers) is not news. */
const keyOf = (p: FigureParams): string => [p.fn, p.x, p.w, p.b, p.mode, p.seed, p.step].join(' ');
/** What the result depends on. */
const pointOf = (p: FigureParams): string => [p.fn, p.x, p.w, p.b].join(' ');

class AutodiffGraph extends LiveElement {
  #state: ModelState | undefined;
  #figure: FigureState | undefined;
  #katex: Katex | undefined;
  #loading: Promise<void> | undefined;
  #drawn = '';
  #stepTimer: ReturnType<typeof setTimeout> | undefined;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #drawTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;

  protected override setup(): void {
    const model = this.dataset['model'] ?? 'autodiff';
    const found = this.lookup(`${model}.f`);
    if (!found) return;
    const state = found.state;
    this.#state = state;
    // The build drew the page's starting values; a shared link may differ.
    this.#drawn = keyOf(figureParams(state.defaults));
    let seen = figureParams(state.params.peek());
    this.watch(() => {
      const params = figureParams(state.params.value);
      if (keyOf(params) !== this.#drawn) this.#schedule();
      const before = seen;
      seen = params;
      if (pointOf(before) !== pointOf(params) && this.contains(document.activeElement)) {
        this.#announceResult();
      }
    });
    const nav = this.querySelector<HTMLElement>('.autodiff__nav');
    nav?.addEventListener('click', (event) => this.#navClick(event), this.listening);
    nav?.addEventListener('keydown', (event) => this.#navKey(event), this.listening);
    this.querySelector('.autodiff__graph')?.addEventListener(
      'click',
      (event) => this.#nodeClick(event),
      this.listening,
    );
  }

  /** The words in the page's language. */
  #words(): AutodiffWords {
    return byLocale(autodiffWords, this.ownerDocument.documentElement.lang);
  }

  protected override teardown(): void {
    clearTimeout(this.#stepTimer);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#drawTimer);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /**
   * Redraws just after the next frame, not in it, so that the edited field and the numbers in
   * the prose paint first; edits within one frame make one redraw, of the latest values.
   */
  #schedule(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#drawTimer = setTimeout(() => {
        this.#frame = 0;
        const state = this.#state;
        if (!state) return;
        const params = figureParams(state.params.peek());
        if (keyOf(params) !== this.#drawn) this.#draw(params);
      }, 0);
    });
  }

  /** The figure for the current parameters (computed again only when they change). */
  #current(): FigureState | undefined {
    const state = this.#state;
    if (!state) return undefined;
    const params = figureParams(state.params.peek());
    if (!this.#figure || keyOf(this.#figure.params) !== keyOf(params)) {
      this.#figure = figureState(params);
    }
    return this.#figure;
  }

  #goTo(step: number): void {
    const figure = this.#current();
    const state = this.#state;
    if (!figure || !state) return;
    const next = Math.min(figure.order.length, Math.max(1, step));
    if (next === figure.step) return;
    state.setMany({ step: next });
    clearTimeout(this.#stepTimer);
    this.#stepTimer = setTimeout(() => {
      const now = this.#current();
      const words = this.#words();
      if (now) this.#say(words.announceStep(stepWords(now, words), doneText(now, words)));
    }, STEP_MS);
  }

  #navClick(event: Event): void {
    const button = event.target instanceof Element ? event.target.closest('[data-go]') : null;
    const figure = this.#current();
    if (!button || !figure) return;
    this.#goTo(figure.step + (button.getAttribute('data-go') === 'next' ? 1 : -1));
  }

  #navKey(event: KeyboardEvent): void {
    const figure = this.#current();
    if (!figure || event.altKey || event.ctrlKey || event.metaKey) return;
    const to: Record<string, number> = {
      ArrowRight: figure.step + 1,
      ArrowDown: figure.step + 1,
      ArrowLeft: figure.step - 1,
      ArrowUp: figure.step - 1,
      Home: 1,
      End: figure.order.length,
    };
    const step = to[event.key];
    if (step === undefined) return;
    event.preventDefault();
    this.#goTo(step);
  }

  #nodeClick(event: Event): void {
    const node = event.target instanceof Element ? event.target.closest('[data-index]') : null;
    const figure = this.#current();
    if (!node || !figure) return;
    const index = Number(node.getAttribute('data-index'));
    const at = figure.order.indexOf(index);
    if (at >= 0) this.#goTo(at + 1);
  }

  #draw(params: FigureParams): void {
    const words = this.#words();
    const figure = figureState(params);
    this.#figure = figure;
    this.#drawn = keyOf(params);
    const graph = this.querySelector('.autodiff__graph');
    const steps = this.querySelector('.autodiff__steps');
    const table = steps?.querySelector('table');
    const captionId = table?.getAttribute('aria-describedby') ?? '';
    graph?.replaceChildren(graphSvg(document, figure));
    steps?.replaceChildren(stepTable(document, figure, captionId, words));
    const position = this.querySelector('.autodiff__position');
    if (position) position.textContent = positionText(figure, words);
    const problem = this.querySelector<HTMLElement>('.autodiff__problem');
    if (problem) {
      problem.hidden = figure.problem === undefined;
      problem.textContent = figure.problem ? problemText(figure.problem, words) : '';
    }
    const done = this.querySelector<HTMLElement>('.autodiff__done');
    if (done) {
      const text = doneText(figure, words);
      done.hidden = text === undefined;
      done.textContent = text ?? '';
    }
    const results = this.querySelector<HTMLElement>('.autodiff__results');
    if (results) results.hidden = figure.problem !== undefined;
    for (const button of this.querySelectorAll('[data-go]')) {
      const end = button.getAttribute('data-go') === 'next' ? figure.order.length : 1;
      if (figure.step === end) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    this.#typeset(figure);
  }

  /** The panel's formulas: at once if KaTeX is here, else once it loads (busy until then). */
  #typeset(figure: FigureState): void {
    const panel = this.querySelector<HTMLElement>('.autodiff__panel');
    if (!panel) return;
    const katex = this.#katex;
    if (!katex) {
      panel.setAttribute('aria-busy', 'true');
      this.#loading ??= import('katex').then(
        (module) => {
          this.#katex = module.default;
        },
        (error: unknown) => {
          console.error('The autodiff figure could not load KaTeX:', error);
        },
      );
      void this.#loading.then(() => {
        if (this.#katex && this.#figure) this.#typeset(this.#figure);
        else panel.removeAttribute('aria-busy');
      });
      return;
    }
    const tex = stepTex(figure);
    for (const [name, source] of Object.entries(tex)) {
      const holder = panel.querySelector<HTMLElement>(`[data-tex="${name}"]`);
      if (holder) katex.render(source, holder, { throwOnError: false, output: 'mathml' });
    }
    panel.removeAttribute('aria-busy');
  }

  #announceResult(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      const figure = this.#current();
      const state = this.#state;
      if (!figure || !state) return;
      const words = this.#words();
      if (figure.problem) {
        this.#say(problemText(figure.problem, words));
        return;
      }
      const get = (name: string) => numberText(state.number(name) ?? NaN);
      this.#say(words.result(get('f'), get('dfdx'), get('dfdw'), get('dfdb')));
    }, SETTLE_MS);
  }

  #say(text: string): void {
    const status = this.querySelector('.autodiff__status');
    if (status) status.textContent = text;
  }
}

/** Defines `<autodiff-graph>` once, bound to the page's store. */
export function defineAutodiffGraph(store: PageStore): void {
  defineLive('autodiff-graph', AutodiffGraph, store);
}
