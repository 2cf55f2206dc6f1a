/**
 * `<activation-explorer>`: redraws the explorer's figure when the activation, a, α or x changes,
 * and moves x to where the reader points at the figure. The numbers beside it (the fields and
 * the read-outs of f(x) and f′(x)) are live-number and live-value elements, which update on
 * their own.
 *
 *   first edit ──▶ load plot-lib ──▶ draw        (the build's figure stays until then)
 *   later edits ──▶ draw just after the next frame, once however many arrive
 *   pointer down, or moving with a button or pen pressed, on the figure ──▶ x = where it points
 *   pointer moving with no button (a mouse hovering) ──▶ x = where it points
 *
 * x goes through the model like any edit, so the URL, the read-outs and the figure all follow.
 *
 *   a value changes while the focus is in the explorer ──▶ (re)start a timer ──SETTLE_MS──▶
 *   its status says x, f(x) and f′(x), once (a screen reader stepping x hears the result, not
 *   every step; a change made elsewhere, in the prose's copy of a, say, is not announced here)
 */
import { LiveElement, defineLive } from '../../live/client/element.ts';
import { formatNumber } from '../../live/format.ts';
import type { PageStore } from '../../live/client/page.ts';
import type { ParamValues } from '../../live/model.ts';
import type { ModelState } from '../../live/store.ts';
import { byLocale } from '../../i18n/locales.ts';
import { explorerPlot, xFromPointer, type PlotLib } from './explorer-plot.ts';
import { activationExplorerWords, type ActivationExplorerWords } from './words.ts';

/** How long the values must stay put before they are said: longer than an arrow key's repeat. */
const SETTLE_MS = 1000;

class ActivationExplorer extends LiveElement {
  #state: ModelState | undefined;
  #plot: PlotLib | undefined;
  #loading: Promise<void> | undefined;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settle: ReturnType<typeof setTimeout> | undefined;
  /** The parameters the figure was drawn for, so that an unrelated edit does not redraw it. */
  #drawn = '';

  protected override setup(): void {
    const found = this.lookup(`${this.dataset['model'] ?? ''}.x`);
    if (!found) return;
    this.#state = found.state;
    // The build drew the figure for the page's starting values; a shared link may differ.
    this.#drawn = this.#key(found.state.defaults);
    this.watch(() => {
      // Reads the signal, so that this runs on every edit of the model.
      void found.state.params.value;
      if (this.#key() !== this.#drawn) {
        this.#schedule();
        if (this.contains(document.activeElement)) this.#announceLater();
      }
    });
    const plot = this.querySelector<HTMLElement>('.explorer__plot');
    plot?.addEventListener('pointermove', (event) => this.#point(event, plot), this.listening);
    plot?.addEventListener('pointerdown', (event) => this.#point(event, plot), this.listening);
  }

  protected override teardown(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
    clearTimeout(this.#settle);
    this.#frame = 0;
  }

  #key(p: ParamValues = this.#state?.params.peek() ?? {}): string {
    return ['act', 'leak', 'alpha', 'x'].map((name) => String(p[name])).join(' ');
  }

  #announceLater(): void {
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      const status = this.querySelector('.explorer__status');
      const state = this.#state;
      if (!status || !state) return;
      const n = (name: string, digits = 4) =>
        formatNumber(state.number(name) ?? NaN, { digits, mathMinus: true });
      status.textContent = this.#words().settled(n('x', 1), n('fx'), n('dfx'));
    }, SETTLE_MS);
  }

  /** The words of the page's language (<html lang>). */
  #words(): ActivationExplorerWords {
    return byLocale(activationExplorerWords, this.ownerDocument.documentElement.lang);
  }

  #point(event: PointerEvent, plot: HTMLElement): void {
    const svg = plot.querySelector('svg');
    if (!svg || !this.#state) return;
    const x = xFromPointer(event.clientX, svg.getBoundingClientRect());
    if (this.#state.params.peek()['x'] !== x) this.#state.set('x', x);
  }

  #schedule(): void {
    // Until it is redrawn the figure shows other values: a screen reader waits, and while a
    // shared link is applied the figure is hidden rather than wrong (live.css).
    this.querySelector('.explorer__plot')?.setAttribute('aria-busy', 'true');
    if (this.#frame !== 0) return;
    // Drawn just after the next frame, not in it: the edited numbers paint first, and the figure,
    // which takes Plot a few milliseconds, follows a frame later instead of holding them back.
    this.#frame = requestAnimationFrame(() => {
      this.#timer = setTimeout(() => {
        this.#frame = 0;
        if (this.#plot) this.#draw();
        else void this.#load().then(() => this.#draw());
      }, 0);
    });
  }

  #load(): Promise<void> {
    this.#loading ??= import('../training/plot-lib.ts').then(
      (Plot) => {
        this.#plot = Plot;
      },
      (error: unknown) => {
        // The build's figure stays; every number beside it is still live.
        console.error('The activation explorer could not load its figure:', error);
      },
    );
    return this.#loading;
  }

  #draw(): void {
    const state = this.#state;
    const Plot = this.#plot;
    const holder = this.querySelector('.explorer__plot');
    if (!state || !Plot || !holder) return;
    const xs = state.array('curveX');
    const f = state.array('curveF');
    const df = state.array('curveDf');
    const x = state.number('x');
    const fx = state.number('fx');
    const dfx = state.number('dfx');
    if (!xs || !f || !df || x === undefined || fx === undefined || dfx === undefined) return;
    const act = String(state.params.peek()['act']);
    const param = state.spec.params['act'];
    const name = param?.kind === 'choice' ? (param.options[act] ?? act) : act;
    const kink = act !== 'sigmoid' && act !== 'tanh';
    const data = { name, xs, f, df, x, fx, dfx, kink };
    holder.replaceChildren(explorerPlot(Plot, document, data, this.#words()));
    holder.removeAttribute('aria-busy');
    this.#drawn = this.#key();
  }
}

/** Defines `<activation-explorer>` once, bound to the page's store. */
export function defineActivationExplorer(store: PageStore): void {
  defineLive('activation-explorer', ActivationExplorer, store);
}
