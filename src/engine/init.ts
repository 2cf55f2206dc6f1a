/**
 * Weight initialisation. Weights are drawn from N(0, std²) with a seeded generator, layer by
 * layer, each W^(l) row-major; biases start at 0.
 */
import type { Network } from './network.ts';
import { mulberry32 } from './rng.ts';
import { checkRange, fail } from './validate.ts';

/**
 * How to pick each layer's standard deviation (fan_in = n_{l−1}, fan_out = n_l):
 * - { kind: 'scale', scale }: std = scale / √fan_in. The 1/√fan_in (LeCun) factor makes scale
 *   the per-layer gain of a linear layer: an identity network keeps signal norms roughly constant
 *   at scale 1, shrinks them below 1 and explodes them above. scale must be in (0, 10].
 * - 'xavier' (Glorot & Bengio 2010, normal variant): std = √(2 / (fan_in + fan_out)).
 * - 'he' (He et al. 2015, for ReLU): std = √(2 / fan_in).
 */
export type InitSpec = { readonly kind: 'scale'; readonly scale: number } | 'xavier' | 'he';

/** Upper limit on `scale`: at depth 100 a gain of 10 per layer reaches ~1e100, still finite. */
export const MAX_INIT_SCALE = 10;

/** Validate an init spec; returns it unchanged. */
export function checkInit(init: unknown, where: string, name = 'init'): InitSpec {
  if (init === 'xavier' || init === 'he') return init;
  if (init !== null && typeof init === 'object' && (init as { kind?: unknown }).kind === 'scale') {
    checkRange(
      where,
      `${name}.scale`,
      (init as { scale?: unknown }).scale,
      0,
      MAX_INIT_SCALE,
      true,
    );
    return init as InitSpec;
  }
  return fail(where, `${name} must be 'xavier', 'he' or { kind: 'scale', scale }`);
}

/** Standard deviation of a layer's weights under `init`. */
export function initStd(init: InitSpec, fanIn: number, fanOut: number): number {
  if (init === 'xavier') return Math.sqrt(2 / (fanIn + fanOut));
  if (init === 'he') return Math.sqrt(2 / fanIn);
  return init.scale / Math.sqrt(fanIn);
}

export interface InitOptions {
  /** Default 'xavier'. */
  readonly init?: InitSpec;
  /** Seed of the generator the weights are drawn from. Default 1. */
  readonly seed?: number;
}

/** Fresh flat parameters for `net`: Gaussian weights per `init`, zero biases. */
export function initParams(net: Network, options: InitOptions = {}): Float64Array {
  const where = 'initParams()';
  const init = checkInit(options.init ?? 'xavier', where);
  const seed = checkRange(where, 'seed', options.seed ?? 1, -(2 ** 53), 2 ** 53);
  const rng = mulberry32(seed);
  const lay = net.layout;
  const p = new Float64Array(lay.paramCount);
  for (let l = 1; l <= lay.depth; l++) {
    const fanIn = lay.sizes[l - 1]!;
    const std = initStd(init, fanIn, lay.sizes[l]!);
    const end = lay.bOffset[l]!;
    for (let i = lay.wOffset[l]!; i < end; i++) p[i] = std * rng.normal();
  }
  return p;
}
