/**
 * `<fit-network>`: trains chapter 4's network in the compute worker and redraws the figures.
 *
 *   Train ──▶ goal = step + RUN_STEPS; running ──▶ each time the figure has drawn the worker's
 *     answer for the current step, PACE_MS later: steps = the next CHUNK (nextStep) … until the
 *     goal ──▶ done (said once)
 *   Pause ──▶ not running (said once); Resume ──▶ running again, to the same goal
 *   Reset ──▶ not running, steps = 0 (said once)
 *   any parameter changes ──▶ once the worker's answer for it is here, redraw just after the
 *     next frame (the first time, load plot-lib); marked busy until then
 *   a unit's button hovered, focused or pressed ──▶ its contribution drawn, and written out
 *
 * The run is the model's `steps`, so a link holds it; the worker trains on from where it was.
 */
import { fitData, type FitTarget } from '../../engine/fit.ts';
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import type { PageStore } from '../../live/client/page.ts';
import { optionLabels } from '../../live/labels.ts';
import type { ParamValues } from '../../live/model.ts';
import { CURVE_POINTS, LOSS_EVERY } from '../../live/models/fit.ts';
import type { ModelState } from '../../live/store.ts';
import {
  fitPlot,
  fitScales,
  lossCurvePlot,
  lossScales,
  lossPoints,
  lossXMax,
  moveLine,
  series,
  type PlotLib,
} from './fit-plot.ts';
import { PACE_MS, goalFrom, nextStep, RUN_STEPS } from './run.ts';
import {
  fitLabel,
  fitWords,
  formatCount,
  lossCurveLabel,
  progressText,
  stoppedText,
  unitText,
  type FitWords,
} from './words.ts';

/** The run group's values for the current parameters, or undefined while the worker works. */
function runValues(state: ModelState) {
  const loss = state.number('loss');
  const curve = state.array('curve');
  const contributions = state.array('contributions');
  const losses = state.array('losses');
  const unitW = state.array('unitW');
  const unitB = state.array('unitB');
  const unitV = state.array('unitV');
  const xs = state.array('xs');
  const target = state.array('targetCurve');
  if (loss === undefined || !curve || !contributions || !losses || !unitW || !unitB || !unitV)
    return undefined;
  if (!xs || !target) return undefined;
  return { loss, curve, contributions, losses, unitW, unitB, unitV, xs, target };
}

const keyOf = (p: ParamValues): string =>
  ['units', 'act', 'target', 'eta', 'decay', 'seed', 'steps'].map((n) => String(p[n])).join(' ');

class FitNetwork extends LiveElement {
  #state: ModelState | undefined;
  #plot: PlotLib | undefined;
  #loading: Promise<void> | undefined;
  #drawn = '';
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #advanceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The step Train is heading for, while a run is under way or paused. */
  #goal: number | undefined;
  #running = false;
  #hovered: number | undefined;
  #focused: number | undefined;
  #pinned: number | undefined;
  /** How the run stopped, to be said once the worker's numbers for that step are here. */
  #pendingSay: 'paused' | 'done' | 'reset' | undefined;
  #lossTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the figures were last drawn with by Plot: their lines can move on those axes. */
  #fitStructure = '';
  #lossStructure = '';

  protected override setup(): void {
    const model = this.dataset['model'] ?? 'fit';
    const found = this.lookup(`${model}.units`);
    if (!found) return;
    const state = found.state;
    this.#state = state;
    // The build drew the page's starting values; a shared link may differ.
    this.#drawn = `${keyOf(state.defaults)} none`;
    // The build drew both figures with Plot, on the axes this element's scales assume.
    this.#fitStructure = `${String(state.defaults['target'])} none`;
    this.#lossStructure = String(lossXMax(Number(state.defaults['steps']), RUN_STEPS));
    this.watch(() => {
      const p = state.params.value;
      const ready = runValues(state) !== undefined;
      const key = `${keyOf(p)} ${this.#unit() ?? 'none'}`;
      const figures = this.querySelector<HTMLElement>('.fit__figures');
      if (key === this.#drawn) {
        figures?.removeAttribute('aria-busy');
        // Nothing to draw (the build's figure shows this step): the run may go on at once.
        if (ready && this.#running) this.#advanceLater();
      } else {
        // Busy while an edit waits for the worker; not for each chunk of a run, which would
        // flip it ten times a second (the progress line says where the run is).
        if (!this.#running) figures?.setAttribute('aria-busy', 'true');
        if (ready) this.#schedule();
      }
      if (ready) this.#trySay();
    });
    this.querySelector('.fit__run')?.addEventListener(
      'click',
      (event) => this.#runClick(event),
      this.listening,
    );
    const units = this.querySelector<HTMLElement>('.fit__units');
    const unitOf = (target: EventTarget | null): number | undefined => {
      const button = target instanceof Element ? target.closest('[data-unit]') : null;
      return button ? Number(button.getAttribute('data-unit')) : undefined;
    };
    units?.addEventListener(
      'pointerover',
      (event) => this.#pick('hovered', unitOf(event.target)),
      this.listening,
    );
    units?.addEventListener('pointerleave', () => this.#pick('hovered', undefined), this.listening);
    units?.addEventListener(
      'focusin',
      (event) => this.#pick('focused', unitOf(event.target)),
      this.listening,
    );
    units?.addEventListener('focusout', () => this.#pick('focused', undefined), this.listening);
    units?.addEventListener(
      'click',
      (event) => {
        const unit = unitOf(event.target);
        if (unit === undefined) return;
        this.#pinned = this.#pinned === unit ? undefined : unit;
        for (const button of this.querySelectorAll('[data-unit]')) {
          const pressed = Number(button.getAttribute('data-unit')) === this.#pinned;
          button.setAttribute('aria-pressed', String(pressed));
        }
        this.#changed();
      },
      this.listening,
    );
  }

  protected override teardown(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#timer);
    clearTimeout(this.#advanceTimer);
    clearTimeout(this.#lossTimer);
    this.#running = false;
  }

  /** The page's language, read from <html lang> when words are needed. */
  #lang(): string {
    return this.ownerDocument.documentElement.lang;
  }

  #words(): FitWords {
    return byLocale(fitWords, this.#lang());
  }

  /** The unit whose contribution is drawn: hovered, else focused, else pressed. */
  #unit(): number | undefined {
    const units = Number(this.#state?.params.peek()['units'] ?? 0);
    const unit = this.#hovered ?? this.#focused ?? this.#pinned;
    return unit !== undefined && unit <= units ? unit : undefined;
  }

  #pick(how: 'hovered' | 'focused', unit: number | undefined): void {
    if (how === 'hovered') this.#hovered = unit;
    else this.#focused = unit;
    this.#changed();
  }

  /** Redraws for a change the parameters do not show (the picked unit). */
  #changed(): void {
    const state = this.#state;
    if (!state) return;
    const key = `${keyOf(state.params.peek())} ${this.#unit() ?? 'none'}`;
    if (key !== this.#drawn && runValues(state)) this.#schedule();
  }

  #runClick(event: Event): void {
    const button = event.target instanceof Element ? event.target.closest('[data-run]') : null;
    const state = this.#state;
    if (!button || !state) return;
    const step = Number(state.params.peek()['steps']);
    if (button.getAttribute('data-run') === 'reset') {
      if (step === 0 && this.#goal === undefined) return;
      this.#running = false;
      this.#goal = undefined;
      state.setMany({ steps: 0 });
      this.#sayWhenReady('reset');
    } else if (this.#running) {
      this.#running = false;
      this.#sayWhenReady('paused');
    } else {
      if (this.#goal === undefined || this.#goal <= step) this.#goal = goalFrom(step);
      this.#running = true;
      this.#advanceLater();
    }
    this.#buttons();
  }

  /** Asks for the next chunk after `ms`: at once when Train is pressed, PACE_MS after a draw. */
  #advanceLater(ms = 0): void {
    clearTimeout(this.#advanceTimer);
    this.#advanceTimer = setTimeout(() => this.#advance(), ms);
  }

  #advance(): void {
    const state = this.#state;
    if (!state || !this.#running || this.#goal === undefined) return;
    // Not drawn yet: the draw asks again when it is done.
    if (!runValues(state) || !this.#drawn.startsWith(keyOf(state.params.peek()))) return;
    const step = Number(state.params.peek()['steps']);
    const next = nextStep(step, this.#goal);
    if (next === undefined) {
      this.#running = false;
      this.#goal = undefined;
      this.#buttons();
      this.#sayWhenReady('done');
      return;
    }
    state.setMany({ steps: next });
  }

  #buttons(): void {
    const state = this.#state;
    if (!state) return;
    const step = Number(state.params.peek()['steps']);
    const train = this.querySelector('[data-run="train"]');
    if (train) {
      const words = this.#words();
      const label = this.#running
        ? words.pause
        : this.#goal !== undefined && this.#goal > step
          ? words.resume
          : words.train(formatCount(RUN_STEPS));
      // Only a real change: a write, even of the same text, repaints.
      if (train.textContent !== label) train.textContent = label;
    }
    const reset = this.querySelector('[data-run="reset"]');
    if (step === 0 && this.#goal === undefined) reset?.setAttribute('aria-disabled', 'true');
    else reset?.removeAttribute('aria-disabled');
  }

  /** Says how the run stopped, once the worker has the numbers for where it stopped. */
  #sayWhenReady(how: 'paused' | 'done' | 'reset'): void {
    this.#pendingSay = how;
    this.#trySay();
  }

  #trySay(): void {
    const state = this.#state;
    const how = this.#pendingSay;
    const values = state && runValues(state);
    if (!how || !state || !values) return;
    this.#pendingSay = undefined;
    const status = this.querySelector('.fit__status');
    if (status)
      status.textContent = stoppedText(
        how,
        Number(state.params.peek()['steps']),
        values.loss,
        this.#words(),
      );
  }

  #schedule(): void {
    if (this.#frame !== 0) return;
    // Drawn just after the next frame, not in it: an edited field paints first.
    this.#frame = requestAnimationFrame(() => {
      this.#timer = setTimeout(() => {
        this.#frame = 0;
        this.#draw();
      }, 0);
    });
  }

  #load(): Promise<void> {
    this.#loading ??= import('../training/plot-lib.ts').then(
      (Plot) => {
        this.#plot = Plot;
      },
      (error: unknown) => {
        console.error('The fitting figure could not load Plot:', error);
        this.querySelector('.fit__figures')?.removeAttribute('aria-busy');
      },
    );
    return this.#loading;
  }

  #draw(): void {
    const Plot = this.#plot;
    const state = this.#state;
    const values = state && runValues(state);
    if (!state || !values) return;
    const p = state.params.peek();
    const unit = this.#unit();
    const key = `${keyOf(p)} ${unit ?? 'none'}`;
    const units = Number(p['units']);
    const step = Number(p['steps']);
    const target = String(p['target']) as FitTarget;
    const data = fitData(target);
    const lang = this.#lang();
    const words = byLocale(fitWords, lang);
    const targetName = optionLabels(state.spec, 'target', lang)[target] ?? target;
    const fitHolder = this.querySelector('[data-plot="fit"]');
    const lossHolder = this.querySelector('[data-plot="loss"]');
    const unitValues =
      unit === undefined
        ? undefined
        : values.contributions.slice((unit - 1) * CURVE_POINTS, unit * CURVE_POINTS);
    const fitData_ = {
      xs: values.xs,
      target: values.target,
      curve: values.curve,
      points: data.inputs.map((input, i) => ({ x: input[0]!, y: data.targets[i]![0]! })),
      unit: unit === undefined || !unitValues ? undefined : { number: unit, values: unitValues },
      targetName,
      units,
      step,
      loss: values.loss,
    };
    // A chunk of a run moves the lines on fixed axes: redraw only them. A new target, a unit
    // picked or dropped, or the build's figure (which has no scales) needs Plot.
    const fitStructure = `${target} ${unit === undefined ? 'none' : 'unit'}`;
    const fitSvg = fitHolder?.querySelector('svg');
    const moved =
      fitSvg !== null &&
      fitSvg !== undefined &&
      this.#fitStructure === fitStructure &&
      moveLine(fitSvg, 1, series(values.xs, values.curve), fitScales()) &&
      (!unitValues || moveLine(fitSvg, 2, series(values.xs, unitValues), fitScales()));
    if (moved) fitSvg.setAttribute('aria-label', fitLabel(fitData_, words));
    else if (!Plot) {
      // Plot is needed for the first time (a new target, a unit picked, the next run's axis):
      // its modules load now, at the reader's edit, and the figures are drawn when they are here.
      void this.#load().then(() => this.#plot && this.#draw());
      return;
    } else {
      fitHolder?.replaceChildren(fitPlot(Plot, document, fitData_, words));
      this.#fitStructure = fitStructure;
    }
    const xMax = lossXMax(step, RUN_STEPS, this.#goal);
    const lossData = { losses: values.losses, every: LOSS_EVERY, step, xMax };
    const lossSvg = lossHolder?.querySelector('svg');
    if (
      lossSvg &&
      this.#lossStructure === String(xMax) &&
      moveLine(lossSvg, 0, lossPoints(values.losses, LOSS_EVERY), lossScales(xMax))
    ) {
      lossSvg.setAttribute('aria-label', lossCurveLabel(lossData, words));
    } else if (!Plot) {
      void this.#load().then(() => this.#plot && this.#draw());
      return;
    } else {
      // In a task of its own: each figure drawn by Plot stays under 50 ms on a slow phone, both
      // together did not.
      clearTimeout(this.#lossTimer);
      this.#lossTimer = setTimeout(() => {
        lossHolder?.replaceChildren(lossCurvePlot(Plot, document, lossData, words));
        this.#lossStructure = String(xMax);
      }, 0);
    }
    this.#unitButtons(units);
    const text = this.querySelector('[data-unit-text]');
    if (text) {
      const said =
        unit === undefined
          ? words.noUnit
          : unitText(
              unit,
              String(p['act']),
              values.unitW[unit - 1]!,
              values.unitB[unit - 1]!,
              values.unitV[unit - 1]!,
              words,
            );
      if (text.textContent !== said) text.textContent = said;
    }
    const progress = this.querySelector('.fit__progress');
    if (progress) progress.textContent = progressText(step, this.#goal, values.loss, words);
    this.#buttons();
    this.#drawn = key;
    this.querySelector('.fit__figures')?.removeAttribute('aria-busy');
    // The run goes on once the reader has seen this step.
    if (this.#running) this.#advanceLater(PACE_MS);
  }

  /** One button per hidden unit: rebuilt when N changes, keeping the focus on its number. */
  #unitButtons(units: number): void {
    const list = this.querySelector('.fit__unit-list');
    if (!list || list.children.length === units) return;
    const focused = document.activeElement?.getAttribute('data-unit');
    if (this.#pinned !== undefined && this.#pinned > units) this.#pinned = undefined;
    list.replaceChildren(
      ...Array.from({ length: units }, (_, j) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'widget-button';
        button.dataset['unit'] = String(j + 1);
        button.setAttribute('aria-pressed', String(this.#pinned === j + 1));
        button.textContent = String(j + 1);
        item.append(button);
        return item;
      }),
    );
    if (focused) this.querySelector<HTMLElement>(`[data-unit="${focused}"]`)?.focus();
  }
}

/** Defines `<fit-network>` once, bound to the page's store. */
export function defineFitNetwork(store: PageStore): void {
  defineLive('fit-network', FitNetwork, store);
}
