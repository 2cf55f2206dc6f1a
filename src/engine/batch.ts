/**
 * Batch-level operations on a network: the loss and gradient over several samples, and one
 * gradient-descent step. A batch's loss is the mean of its samples' losses, and its gradient the
 * mean of their gradients (so a one-sample batch with halfSquared gives Mazur's E_total).
 */
import { batchLoss, batchStep } from './kernel-batch.ts';
import { STEP_GRADIENT_ONLY, STEP_IN_PLACE, STEP_SIMULTANEOUS, createWorkspace } from './kernel.ts';
import { readParams } from './network.ts';
import type { Network, ParamsInput, UpdateOrder } from './network.ts';
import { checkOneOf, checkRange, readRows } from './validate.ts';

interface Batch {
  readonly X: Float64Array;
  readonly T: Float64Array;
  readonly count: number;
}

/** Validated, clamped, flattened batch: rows of inputs and matching rows of targets. */
export function readBatch(net: Network, inputs: unknown, targets: unknown, where: string): Batch {
  const X = readRows(where, 'inputs', inputs, -1, net.sizes[0]!);
  const count = X.length / net.sizes[0]!;
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
  return batchLoss(net.layout, p, createWorkspace(net.layout, 1), X, T, null, 0, count);
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
  const loss = batchStep(net.layout, p, ws, X, T, rows, 0, count, 0, STEP_GRADIENT_ONLY);
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
}

export function readStepOptions(options: StepOptions, where: string) {
  const eta = checkRange(where, 'eta', options.eta ?? 0.5, 0, 1000, true);
  const update = checkOneOf(where, 'update', options.update ?? 'simultaneous', [
    'simultaneous',
    'inPlace',
  ]);
  return { eta, mode: update === 'inPlace' ? STEP_IN_PLACE : STEP_SIMULTANEOUS };
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
  const { eta, mode } = readStepOptions(options, where);
  const ws = createWorkspace(net.layout, count);
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  const loss = batchStep(net.layout, p, ws, X, T, rows, 0, count, eta, mode);
  return { params: p, loss };
}
