/**
 * Batch-level operations on a network: the loss and gradient over several samples, and one
 * gradient-descent step. A batch's loss is the mean of its samples' losses, and its gradient the
 * mean of their gradients (so a one-sample batch with halfSquared gives Mazur's E_total).
 */
import {
  STEP_GRADIENT_ONLY,
  STEP_IN_PLACE,
  STEP_SIMULTANEOUS,
  batchLoss,
  batchStep,
  createWorkspace,
} from './kernel.ts';
import { readParams } from './network.ts';
import type { Network, ParamsInput, UpdateOrder } from './network.ts';
import { checkOneOf, checkRange, fail, readRows } from './validate.ts';

interface Batch {
  readonly X: Float64Array;
  readonly T: Float64Array;
  readonly count: number;
}

/** Validated, clamped, flattened batch: rows of inputs and matching rows of targets. */
export function readBatch(net: Network, inputs: unknown, targets: unknown, where: string): Batch {
  const X = readRows(where, 'inputs', inputs, -1, net.sizes[0]!);
  const count = X.length / net.sizes[0]!;
  if (net.layout.anyBatchNorm && count < 2)
    fail(where, 'batch normalisation needs a batch of at least 2 samples');
  const T = readRows(where, 'targets', targets, count, net.sizes[net.sizes.length - 1]!);
  return { X, T, count };
}

/** Batch loss (mean over samples of the per-sample loss). */
export function evaluateLoss(
  net: Network,
  params: ParamsInput,
  inputs: readonly ArrayLike<number>[],
  targets: readonly ArrayLike<number>[],
): number {
  const where = 'evaluateLoss()';
  const p = readParams(net, params, where);
  const { X, T, count } = readBatch(net, inputs, targets, where);
  const ws = createWorkspace(net.layout, net.layout.anyBatchNorm ? count : 1);
  return batchLoss(net.layout, p, ws, X, T, null, 0, count);
}

/** Batch loss and its gradient (flat layout), i.e. the mean of the per-sample gradients. */
export function lossAndGradient(
  net: Network,
  params: ParamsInput,
  inputs: readonly ArrayLike<number>[],
  targets: readonly ArrayLike<number>[],
): { loss: number; gradient: Float64Array } {
  const where = 'lossAndGradient()';
  const p = readParams(net, params, where);
  const { X, T, count } = readBatch(net, inputs, targets, where);
  const ws = createWorkspace(net.layout, count);
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  const loss = batchStep(net.layout, p, ws, X, T, rows, 0, count, 0, STEP_GRADIENT_ONLY, Infinity);
  return { loss, gradient: ws.grad.slice() };
}

export interface StepOptions {
  /** Learning rate η > 0 (at most 1000). Default 0.5, the worked example's. */
  readonly eta?: number;
  /**
   * 'simultaneous' (default): every gradient from the same parameters, the textbook rule.
   * 'inPlace': layers updated from last to first, each delta backpropagated through the
   * already-updated weights above it (what an early version of Mazur's script did).
   */
  readonly update?: UpdateOrder;
  /**
   * Clip by global norm: when the norm of the whole trainable gradient exceeds `clip` (> 0), the
   * step uses the gradient scaled to that norm. Default: no clipping. Needs 'simultaneous'.
   */
  readonly clip?: number;
}

export function readStepOptions(options: StepOptions, where: string) {
  const eta = checkRange(where, 'eta', options.eta ?? 0.5, 0, 1000, true);
  const update = checkOneOf(where, 'update', options.update ?? 'simultaneous', [
    'simultaneous',
    'inPlace',
  ]);
  const clip =
    options.clip === undefined
      ? Infinity
      : checkRange(where, 'clip', options.clip, 0, Number.MAX_VALUE, true);
  if (clip !== Infinity && update === 'inPlace')
    fail(
      where,
      "clip needs the whole gradient before any update, so update must be 'simultaneous'",
    );
  return { eta, clip, mode: update === 'inPlace' ? STEP_IN_PLACE : STEP_SIMULTANEOUS };
}

/**
 * One gradient-descent step on a batch. Returns the new parameters (the input is not modified)
 * and the batch loss before the step.
 */
export function gradientStep(
  net: Network,
  params: ParamsInput,
  inputs: readonly ArrayLike<number>[],
  targets: readonly ArrayLike<number>[],
  options: StepOptions = {},
): { params: Float64Array; loss: number } {
  const where = 'gradientStep()';
  const p = readParams(net, params, where);
  const { X, T, count } = readBatch(net, inputs, targets, where);
  const { eta, mode, clip } = readStepOptions(options, where);
  const ws = createWorkspace(net.layout, count);
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  const loss = batchStep(net.layout, p, ws, X, T, rows, 0, count, eta, mode, clip);
  return { params: p, loss };
}
