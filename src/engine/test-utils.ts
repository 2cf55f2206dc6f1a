/**
 * Test helpers (not exported from index.ts). expectClose is modelled on d3's assertInDelta:
 * numbers, plain arrays, typed arrays and nested arrays are compared element by element, and
 * the failure message names the first offending index.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ACTIVATION_IDS } from './activations.ts';
import type { ActivationId, ActivationSpec } from './activations.ts';
import { initParams } from './init.ts';
import { biasIndex, createNetwork, forward } from './network.ts';
import type { BiasMode, LossId, Network } from './network.ts';
import { mulberry32 } from './rng.ts';

/** Absolute tolerance, or { abs, rel }: passes when |actual − expected| ≤ abs + rel·|expected|. */
export type Tolerance = number | { readonly abs: number; readonly rel: number };

type Nested = number | ArrayLike<unknown>;

function mismatch(actual: unknown, expected: unknown, tol: Tolerance, path: string): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected a number, got ${String(actual)}`;
    const { abs, rel } = typeof tol === 'number' ? { abs: tol, rel: 0 } : tol;
    if (Number.isNaN(expected) || Number.isNaN(actual)) {
      return Number.isNaN(expected) && Number.isNaN(actual)
        ? null
        : `${path}: ${actual} vs ${expected}`;
    }
    if (actual === expected) return null; // also covers equal infinities
    const allowed = abs + rel * Math.abs(expected);
    const diff = Math.abs(actual - expected);
    return diff <= allowed
      ? null
      : `${path}: expected ${expected} ± ${allowed}, got ${actual} (off by ${diff})`;
  }
  const e = expected as ArrayLike<unknown>;
  const a = actual as ArrayLike<unknown> | null | undefined;
  if (a === null || a === undefined || typeof a !== 'object' || typeof a.length !== 'number') {
    return `${path}: expected an array, got ${String(actual)}`;
  }
  if (a.length !== e.length) return `${path}: expected length ${e.length}, got ${a.length}`;
  for (let i = 0; i < e.length; i++) {
    const m = mismatch(a[i], e[i], tol, `${path}[${i}]`);
    if (m !== null) return m;
  }
  return null;
}

/**
 * Assert that `actual` is within `tol` of `expected` (default 1e-9 absolute), element by
 * element for arrays.
 */
export function expectClose(actual: Nested, expected: Nested, tol: Tolerance = 1e-9): void {
  const m = mismatch(actual, expected, tol, 'value');
  expect(m, m ?? '').toBeNull();
}

/**
 * Central finite difference of f at x along coordinate i: (f(x + h·e_i) − f(x − h·e_i)) / 2h.
 * Truncation error is O(h²·f'''), rounding error O(ε·|f|/h); h = 1e-6 balances the two for
 * values of order 1 (≈1e-10 each).
 */
export function centralDifference(
  f: (x: Float64Array) => number,
  x: Float64Array,
  i: number,
  h = 1e-6,
): number {
  const xp = x.slice();
  const xm = x.slice();
  xp[i]! += h;
  xm[i]! -= h;
  return (f(xp) - f(xm)) / (2 * h);
}

// ---- Random networks for property tests ------------------------------------------------------

/** What fast-check draws for a random network case. */
export interface NetCase {
  readonly sizes: number[];
  readonly acts: ActivationId[];
  readonly a: number;
  readonly alpha: number;
  readonly bias: BiasMode;
  readonly loss: LossId;
  readonly trainBiases: boolean;
  readonly batch: number;
  readonly seed: number;
}

/** Depth 1–4, widths 1–5, any activation per layer, both bias conventions and losses. */
export const netCaseArb: fc.Arbitrary<NetCase> = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }),
  acts: fc.array(fc.constantFrom(...ACTIVATION_IDS), { minLength: 4, maxLength: 4 }),
  a: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  alpha: fc.double({ min: 0.5, max: 2, noNaN: true }),
  bias: fc.constantFrom<BiasMode>('shared', 'perNeuron'),
  loss: fc.constantFrom<LossId>('halfSquared', 'mse'),
  trainBiases: fc.boolean(),
  batch: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/**
 * Build the case: the network, seeded parameters (weights N(0, 1.5²/fan_in), biases N(0, 0.5²)),
 * inputs N(0, 1) and targets uniform in (−1, 1).
 */
export function makeCase(c: NetCase) {
  const L = c.sizes.length - 1;
  const activation: ActivationSpec[] = c.acts
    .slice(0, L)
    .map((id) =>
      id === 'leakyRelu' ? { id, a: c.a } : id === 'elu' ? { id, alpha: c.alpha } : id,
    );
  const net = createNetwork({
    sizes: c.sizes,
    activation,
    bias: c.bias,
    loss: c.loss,
    trainBiases: c.trainBiases,
  });
  const params = initParams(net, { init: { kind: 'scale', scale: 1.5 }, seed: c.seed });
  const rng = mulberry32(c.seed + 1);
  for (let l = 1; l <= L; l++) {
    for (let j = 0; j < net.layout.bCount[l]!; j++)
      params[biasIndex(net, l, j)] = 0.5 * rng.normal();
  }
  const nIn = c.sizes[0]!;
  const nOut = c.sizes[L]!;
  const inputs = Array.from({ length: c.batch }, () =>
    Array.from({ length: nIn }, () => rng.normal()),
  );
  const targets = Array.from({ length: c.batch }, () =>
    Array.from({ length: nOut }, () => 2 * rng.next() - 1),
  );
  return { net, params, inputs, targets, activation };
}

/** Smallest |z| over all samples and layers whose activation has a kink at 0. */
export function closestKink(
  net: Network,
  params: Float64Array,
  inputs: readonly number[][],
): number {
  let m = Infinity;
  for (const x of inputs) {
    const { nets } = forward(net, params, x);
    net.activations.forEach((act, i) => {
      const kinked =
        act.id === 'relu' || act.id === 'leakyRelu' || (act.id === 'elu' && act.param !== 1);
      if (kinked) for (const z of nets[i + 1]!) m = Math.min(m, Math.abs(z));
    });
  }
  return m;
}
