/**
 * Chapter 4's model: a 1-N-1 network fitting a curve (src/engine/fit.ts). The run is part of the
 * state: `steps` says how far it has trained, so a link reproduces the figure exactly and the
 * figure trains by raising `steps` (the element does, a slice at a time, while it runs).
 *
 * The training runs in the page's compute worker (group `run`). The worker keeps the last run of
 * each setting, so raising `steps` trains on from there instead of from the start; any other edit
 * (N, the activation, the target, η, the schedule, the seed) starts a new run.
 */
import {
  CURVE_POINTS,
  FIT_TARGETS,
  FitRun,
  MAX_UNITS,
  TARGET_FUNCTIONS,
  curveXs,
  fitStart,
  outputCurvature,
  type FitSettings,
  type FitTarget,
} from '../../engine/fit.ts';
import { defineModel } from '../model.ts';

/** Most steps a run may reach: a minute of the figure's training, far past where it settles. */
export const MAX_FIT_STEPS = 200_000;
/** The loss is recorded for the curve every LOSS_EVERY steps. */
export const LOSS_EVERY = 50;
/** Runs kept by the worker, so that switching back and forth between two settings is cheap. */
const KEPT = 4;

const runs = new Map<string, FitRun>();

/** The run for these settings at step k, trained on from a kept one where possible. */
export function runAt(settings: FitSettings, k: number): FitRun {
  const key = JSON.stringify(settings);
  let run = runs.get(key);
  if (!run) {
    run = new FitRun(settings, LOSS_EVERY);
    if (runs.size >= KEPT) runs.delete(runs.keys().next().value!);
    runs.set(key, run);
  }
  run.to(k);
  return run;
}

const TARGET_NAMES: Readonly<Record<FitTarget, string>> = {
  sine: 'sin(πx)',
  bump: 'a bump, exp(−10x²)',
  abs: '|x|, with a kink',
  step: 'a step, with a jump',
};

export const fitModel = defineModel({
  name: 'fit',
  params: {
    units: { label: 'hidden units N', default: 3, min: 1, max: MAX_UNITS, step: 1, integer: true },
    act: {
      kind: 'choice',
      label: 'hidden activation',
      default: 'tanh',
      options: { tanh: 'tanh', sigmoid: 'sigmoid' },
    },
    target: {
      kind: 'choice',
      label: 'target curve',
      default: 'sine',
      options: Object.fromEntries(FIT_TARGETS.map((t) => [t, TARGET_NAMES[t]])) as Record<
        FitTarget,
        string
      >,
    },
    eta: { label: 'learning rate η', default: 0.1, min: 0.001, max: 2, step: 0.01 },
    decay: { kind: 'boolean', label: 'decay the learning rate', default: false },
    seed: {
      label: 'seed of the initial weights',
      default: 1,
      min: 0,
      max: 9999,
      step: 1,
      integer: true,
    },
    steps: {
      label: 'training steps taken',
      default: 0,
      min: 0,
      max: MAX_FIT_STEPS,
      step: 100,
      integer: true,
    },
  },
  values: {
    numbers: ['paramCount', 'startCurvature', 'startEtaLimit'],
    arrays: ['xs', 'targetCurve'],
    derive(p) {
      const xs = curveXs();
      const f = TARGET_FUNCTIONS[p.target];
      // The output layer's curvature at the seeded start, and the η above which a full-batch
      // step along it overshoots: cheap (40 points, N + 1 parameters), so on the main thread.
      const curvature = outputCurvature(
        p.units,
        p.act === 'sigmoid' ? 'sigmoid' : 'tanh',
        p.target,
        fitStart(p.units, p.seed),
      );
      return {
        startCurvature: curvature,
        startEtaLimit: curvature > 0 ? 2 / curvature : 0,
        // N weights and N biases in, N weights and one bias out.
        paramCount: 3 * p.units + 1,
        xs: Float64Array.from(xs),
        targetCurve: Float64Array.from(xs, f),
      };
    },
  },
  groups: {
    run: {
      runs: 'worker',
      numbers: ['loss', 'startLoss', 'outputBias'],
      arrays: ['curve', 'contributions', 'losses', 'unitW', 'unitB', 'unitV'],
      derive(p) {
        const run = runAt(
          {
            units: p.units,
            activation: p.act === 'sigmoid' ? 'sigmoid' : 'tanh',
            target: p.target,
            eta: p.eta,
            decay: p.decay,
            seed: p.seed,
          },
          p.steps,
        );
        const state = run.state();
        const losses = run.losses;
        const N = p.units;
        const w = state.params;
        return {
          // Each hidden unit j's slope wⱼ, bias bⱼ and output weight vⱼ: it adds vⱼ·f(wⱼx + bⱼ).
          unitW: w.slice(0, N),
          unitB: w.slice(N, 2 * N),
          unitV: w.slice(2 * N, 3 * N),
          loss: state.loss,
          startLoss: losses[0]!,
          outputBias: state.outputBias,
          curve: state.curve,
          contributions: state.contributions,
          losses,
        };
      },
    },
  },
});

/** Points of each curve the group returns. */
export { CURVE_POINTS };

export default fitModel;
