/**
 * Chapter 7's model: gradients through a deep stack (src/engine/diagnostics.ts). Two worker
 * groups, so that the bars come back before the training does:
 *   flow:  one backward pass at initialisation (gradientFlow), the gradient reaching each layer
 *          when a gradient of size 1 arrives at the top;
 *   train: `steps` steps of full-batch gradient descent on the same stack with a readout
 *          (DepthRun), the loss curve and how far each layer's weights moved.
 * The worker keeps the last runs, so raising `steps` trains on from where a run stopped.
 */
import { DepthRun, gradientFlow } from '../../engine/diagnostics.ts';
import type { DepthRunOptions } from '../../engine/diagnostics.ts';
import { initStd } from '../../engine/init.ts';
import type { InitSpec } from '../../engine/init.ts';
import { defineModel } from '../model.ts';

/** Samples in the figure's batch: enough for batch statistics, cheap enough to drag. */
export const DEPTH_BATCH = 32;
/** Most layers and steps the figure offers: 50 layers of 32 train 300 steps in about 2 s. */
export const MAX_LAYERS = 50;
export const MAX_STEPS = 1000;
const KEPT = 4;

type DepthParams = {
  layers: number;
  width: number;
  act: 'sigmoid' | 'tanh' | 'relu';
  init: 'scale' | 'xavier' | 'he';
  scale: number;
  residual: boolean;
  batchNorm: boolean;
  clip: boolean;
  clipAt: number;
  eta: number;
  seed: number;
};

function initOf(p: DepthParams): InitSpec {
  return p.init === 'scale' ? { kind: 'scale', scale: p.scale } : p.init;
}

/** The engine's options for these settings. */
export function depthOptions(p: DepthParams): DepthRunOptions {
  return {
    depth: p.layers,
    width: p.width,
    activation: p.act,
    init: initOf(p),
    seed: p.seed,
    batchSize: DEPTH_BATCH,
    residual: p.residual,
    batchNorm: p.batchNorm,
    ...(p.clip ? { clip: p.clipAt } : {}),
    eta: p.eta,
  };
}

const runs = new Map<string, DepthRun>();

/** The run for these settings at step k, trained on from a kept one where possible. */
function runAt(options: DepthRunOptions, k: number): DepthRun {
  const key = JSON.stringify(options);
  let run = runs.get(key);
  if (!run || run.step > k) {
    run = new DepthRun(options);
    runs.delete(key);
    if (runs.size >= KEPT) runs.delete(runs.keys().next().value!);
    runs.set(key, run);
  }
  run.to(k);
  return run;
}

/** log10(a/b) for positive a and b, else 0: how many orders of magnitude apart they are. */
function ordersApart(a: number, b: number): number {
  return a > 0 && b > 0 ? Math.log10(a / b) : 0;
}

export const depthModel = defineModel({
  name: 'depth',
  params: {
    layers: { label: 'layers L', default: 20, min: 1, max: MAX_LAYERS, step: 1, integer: true },
    width: { label: 'width n', default: 16, min: 2, max: 32, step: 1, integer: true },
    act: {
      kind: 'choice',
      label: 'activation',
      default: 'sigmoid',
      options: { sigmoid: 'sigmoid σ', tanh: 'tanh', relu: 'ReLU' },
    },
    init: {
      kind: 'choice',
      label: 'initialisation',
      default: 'scale',
      options: { scale: 'scaled, s/√n', xavier: 'Xavier (Glorot)', he: 'He' },
    },
    scale: { label: 'scale s', default: 1, min: 0.1, max: 5, step: 0.1 },
    residual: { kind: 'boolean', label: 'residual connections', default: false },
    batchNorm: { kind: 'boolean', label: 'batch normalisation', default: false },
    clip: { kind: 'boolean', label: 'clip the gradient', default: false },
    clipAt: { label: 'clipping threshold c', default: 1, min: 0.01, max: 100, step: 0.01 },
    eta: { label: 'learning rate η', default: 0.03, min: 0.001, max: 1, step: 0.001 },
    steps: {
      label: 'training steps',
      default: 300,
      min: 0,
      max: MAX_STEPS,
      step: 50,
      integer: true,
    },
    seed: { label: 'seed', default: 1, min: 0, max: 9999, step: 1, integer: true },
  },
  values: {
    numbers: ['initStd', 'paramCount'],
    derive(p) {
      const n = p.width;
      return {
        // The standard deviation of every stack weight: the same for each layer (n × n).
        initStd: initStd(initOf(p), n, n),
        // L layers of n² weights and n biases, then the readout's n weights and one bias.
        paramCount: p.layers * (n * n + n) + n + 1,
      };
    },
  },
  groups: {
    flow: {
      runs: 'worker',
      numbers: [
        'firstNorm',
        'lastNorm',
        'orders',
        'spread',
        'globalNorm',
        'clipScale',
        'firstSignal',
        'firstRms',
        'lastRms',
      ],
      arrays: ['norms', 'rawNorms', 'signal', 'rms'],
      derive(p) {
        const r = gradientFlow(depthOptions(p));
        const w = r.weightGradNorms;
        const first = w[0]!;
        const last = w[w.length - 1]!;
        const max = Math.max(...w);
        const min = Math.min(...w);
        return {
          firstNorm: first,
          lastNorm: last,
          // How many orders of magnitude the last layer's gradient is above the first's.
          orders: ordersApart(last, first),
          spread: ordersApart(max, min),
          globalNorm: r.globalNorm,
          clipScale: r.clipScale,
          firstSignal: r.activationGradNorms[0]!,
          firstRms: r.activationRms[0]!,
          lastRms: r.activationRms[r.activationRms.length - 1]!,
          norms: Float64Array.from(w),
          rawNorms: Float64Array.from(r.rawWeightGradNorms),
          signal: Float64Array.from(r.activationGradNorms),
          rms: Float64Array.from(r.activationRms),
        };
      },
    },
    train: {
      runs: 'worker',
      numbers: ['startLoss', 'endLoss', 'firstChange', 'lastChange'],
      arrays: ['losses', 'changes'],
      derive(p) {
        const run = runAt(depthOptions(p), p.steps);
        const losses = run.losses;
        const changes = run.weightChange();
        return {
          startLoss: losses[0]!,
          endLoss: losses[losses.length - 1]!,
          firstChange: changes[0]!,
          lastChange: changes[changes.length - 1]!,
          losses,
          changes: Float64Array.from(changes),
        };
      },
    },
  },
});

export default depthModel;
