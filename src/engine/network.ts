/**
 * Feedforward networks of any shape: definition, parameter layout, and the display-oriented
 * forward/backward passes that return every intermediate value a chapter shows.
 *
 * Notation: layer sizes [n_0, ..., n_L]; z^(l) = W^(l) a^(l−1) + b^(l), a^(l) = f_l(z^(l)),
 * a^(0) = the inputs. Layer-numbered results (nets, outs, deltas, ...) are indexed by l, so
 * index 0 is the input layer. Parameters are indexed from the first weight layer: weights[l−1]
 * holds W^(l), a flat row-major n_l × n_{l−1} array whose entry j·n_{l−1} + k is the weight from
 * neuron k of layer l−1 to neuron j of layer l.
 *
 * Flat parameter vector (what training works on): for l = 1..L in turn, W^(l) row-major and
 * then b^(l) (one entry when biases are shared, n_l otherwise).
 *
 * Overflow: inputs and parameters are clamped to ±1e6 on entry (validate.ts); inside, outputs
 * of unbounded activations and hidden deltas saturate at ±1e100, so no value is ever NaN.
 */
import { multiplyByDerivative, resolveActivation } from './activations.ts';
import type { ActivationSpec, ResolvedActivation } from './activations.ts';
import { STEP_GRADIENT_ONLY, batchLoss, batchStep, createWorkspace } from './kernel.ts';
import type { Layout } from './kernel.ts';
import { checkInt, checkOneOf, fail, readVector, readVectorInto } from './validate.ts';

export type BiasMode = 'shared' | 'perNeuron';
export type LossId = 'halfSquared' | 'mse' | 'linear';
export type UpdateOrder = 'simultaneous' | 'inPlace';

/** Largest supported depth L and layer width. */
export const MAX_DEPTH = 100;
export const MAX_WIDTH = 4096;
/** Parameter budget: 1e7 float64s = 80 MB, beyond anything a browser page should train. */
export const MAX_PARAMS = 10_000_000;

export interface NetworkSpec {
  /** Layer sizes [n_0, ..., n_L], 2 to 101 entries, each an integer from 1 to 4096. Required. */
  readonly sizes: readonly number[];
  /** One activation for every layer, or one per layer 1..L (length L). Default 'sigmoid'. */
  readonly activation?: ActivationSpec | readonly ActivationSpec[];
  /**
   * 'perNeuron' (default): each neuron has its own bias. 'shared': one bias per layer, shared by
   * all its neurons, as in Mazur's worked example (b1 for the hidden layer, b2 for the output).
   */
  readonly bias?: BiasMode;
  /** Whether training updates the biases. Default true. Gradients are reported either way. */
  readonly trainBiases?: boolean;
  /**
   * Per-sample loss. 'halfSquared' (default): E = ½ Σ_j (t_j − o_j)², the worked example's.
   * 'mse': E = (1/n_L) Σ_j (t_j − o_j)². 'linear': E = Σ_j t_j o_j, so that ∂E/∂o = t: the
   * "target" is the gradient sent into the top of the network, as gradient-flow diagnostics
   * use it. A batch's loss is the mean of its samples' losses.
   */
  readonly loss?: LossId;
  /**
   * Residual connections a^(l) = a^(l−1) + f_l(z^(l)): true for every layer whose input and
   * output sizes are equal, or one flag per layer 1..L (a flagged layer must have n_l = n_{l−1}).
   * Default false.
   */
  readonly residual?: boolean | readonly boolean[];
  /**
   * Batch normalisation z^(l) = (u − μ_B)/√(σ²_B + ε) + b^(l) of u = W^(l) a^(l−1) over the
   * batch, with the gain fixed at 1 and the bias as the shift: true for every layer, or one flag
   * per layer 1..L. Default false. Such a network is passed a batch at a time (at least 2
   * samples), never one input alone.
   */
  readonly batchNorm?: boolean | readonly boolean[];
}

export interface Network {
  readonly sizes: readonly number[];
  /** activations[l − 1] is layer l's activation. */
  readonly activations: readonly ResolvedActivation[];
  readonly bias: BiasMode;
  readonly trainBiases: boolean;
  readonly loss: LossId;
  /** residual[l − 1], batchNorm[l − 1]: layer l's options. */
  readonly residual: readonly boolean[];
  readonly batchNorm: readonly boolean[];
  readonly paramCount: number;
  /** Offsets and per-layer lookups used by the kernel. */
  readonly layout: Layout;
}

/** Parameters as one array per layer (see the module comment for the layout). */
export interface LayeredParams {
  /** weights[l − 1]: W^(l), n_l·n_{l−1} entries row-major. */
  readonly weights: readonly ArrayLike<number>[];
  /** biases[l − 1]: b^(l), 1 entry (shared) or n_l. Default all zero. */
  readonly biases?: readonly ArrayLike<number>[];
}

/** Parameters as the flat vector or per layer. */
export type ParamsInput = ArrayLike<number> | LayeredParams;

export function createNetwork(spec: NetworkSpec): Network {
  const where = 'createNetwork()';
  const sizesIn: unknown = spec.sizes;
  if (!Array.isArray(sizesIn) || sizesIn.length < 2 || sizesIn.length > MAX_DEPTH + 1) {
    fail(where, `sizes must be an array of 2 to ${MAX_DEPTH + 1} layer sizes`);
  }
  const sizes = (sizesIn as unknown[]).map((n, i) =>
    checkInt(where, `sizes[${i}]`, n, 1, MAX_WIDTH),
  );
  const L = sizes.length - 1;
  const actIn = spec.activation ?? 'sigmoid';
  let activations: ResolvedActivation[];
  if (Array.isArray(actIn)) {
    if (actIn.length !== L) {
      fail(where, `activation must have ${L} entries (one per layer 1..L), got ${actIn.length}`);
    }
    activations = (actIn as ActivationSpec[]).map((a, i) =>
      resolveActivation(a, where, `activation[${i}]`),
    );
  } else {
    const one = resolveActivation(actIn as ActivationSpec, where, 'activation');
    activations = sizes.slice(1).map(() => one);
  }
  const bias = checkOneOf(where, 'bias', spec.bias ?? 'perNeuron', ['shared', 'perNeuron']);
  const loss = checkOneOf(where, 'loss', spec.loss ?? 'halfSquared', [
    'halfSquared',
    'mse',
    'linear',
  ]);
  const residual = layerFlags(
    where,
    'residual',
    spec.residual,
    L,
    (l) => sizes[l] === sizes[l - 1],
  );
  residual.forEach((on, i) => {
    if (on && sizes[i + 1] !== sizes[i])
      fail(
        where,
        `residual[${i}]: layer ${i + 1} maps ${sizes[i]} to ${sizes[i + 1]} values; a residual connection needs equal sizes`,
      );
  });
  const batchNorm = layerFlags(where, 'batchNorm', spec.batchNorm, L, () => true);
  const trainBiases = spec.trainBiases ?? true;
  if (typeof trainBiases !== 'boolean') fail(where, 'trainBiases must be a boolean');

  const nodeOffset = new Int32Array(L + 1);
  const wOffset = new Int32Array(L + 1);
  const bOffset = new Int32Array(L + 1);
  const bCount = new Int32Array(L + 1);
  const actCode = new Int32Array(L + 1);
  const actParam = new Float64Array(L + 1);
  let nodes = sizes[0]!;
  let params = 0;
  for (let l = 1; l <= L; l++) {
    nodeOffset[l] = nodes;
    nodes += sizes[l]!;
    wOffset[l] = params;
    params += sizes[l]! * sizes[l - 1]!;
    bOffset[l] = params;
    bCount[l] = bias === 'shared' ? 1 : sizes[l]!;
    params += bCount[l]!;
    actCode[l] = activations[l - 1]!.code;
    actParam[l] = activations[l - 1]!.param;
  }
  const flags = (on: boolean[]) => Uint8Array.from([0, ...on.map((x) => (x ? 1 : 0))]);
  if (params > MAX_PARAMS) fail(where, `network has ${params} parameters, over ${MAX_PARAMS}`);
  const layout: Layout = {
    depth: L,
    sizes: Int32Array.from(sizes),
    nodeOffset,
    nodeCount: nodes,
    wOffset,
    bOffset,
    bCount,
    paramCount: params,
    actCode,
    actParam,
    residual: flags(residual),
    batchNorm: flags(batchNorm),
    anyBatchNorm: batchNorm.includes(true),
    trainBiases,
    lossCode: loss === 'linear' ? 2 : loss === 'mse' ? 1 : 0,
  };
  return Object.freeze({
    sizes: Object.freeze(sizes),
    activations: Object.freeze(activations),
    bias,
    trainBiases,
    loss,
    residual: Object.freeze(residual),
    batchNorm: Object.freeze(batchNorm),
    paramCount: params,
    layout,
  });
}

/** A per-layer option given as one boolean for all layers (where `applies`) or L booleans. */
function layerFlags(
  where: string,
  name: string,
  given: unknown,
  L: number,
  applies: (l: number) => boolean,
): boolean[] {
  if (given === undefined || given === false) return new Array<boolean>(L).fill(false);
  if (given === true) return Array.from({ length: L }, (_, i) => applies(i + 1));
  if (!Array.isArray(given) || given.length !== L || !given.every((x) => typeof x === 'boolean'))
    fail(where, `${name} must be a boolean or ${L} booleans (one per layer 1..L)`);
  return [...given];
}

/** Flat index of the weight from neuron k of layer l−1 to neuron j of layer l (l = 1..L). */
export function weightIndex(net: Network, l: number, j: number, k: number): number {
  return net.layout.wOffset[l]! + j * net.sizes[l - 1]! + k;
}

/** Flat index of neuron j's bias in layer l (j is ignored when biases are shared). */
export function biasIndex(net: Network, l: number, j = 0): number {
  return net.layout.bOffset[l]! + (net.bias === 'shared' ? 0 : j);
}

/** Validated, clamped flat copy of parameters given flat or per layer. */
export function readParams(net: Network, params: ParamsInput, where: string): Float64Array {
  const lay = net.layout;
  if (params !== null && typeof params === 'object' && 'weights' in params) {
    const out = new Float64Array(lay.paramCount);
    const { weights, biases } = params;
    if (!Array.isArray(weights) || weights.length !== lay.depth) {
      fail(where, `weights must be an array of ${lay.depth} layers`);
    }
    if (biases !== undefined && (!Array.isArray(biases) || biases.length !== lay.depth)) {
      fail(where, `biases must be an array of ${lay.depth} layers`);
    }
    for (let l = 1; l <= lay.depth; l++) {
      const nOut = lay.sizes[l]!;
      const nIn = lay.sizes[l - 1]!;
      const name = `weights[${l - 1}]`;
      readVectorInto(
        where,
        name,
        weights[l - 1],
        nOut * nIn,
        out,
        lay.wOffset[l]!,
        `${nOut}×${nIn}`,
      );
      if (biases !== undefined) {
        readVectorInto(
          where,
          `biases[${l - 1}]`,
          biases[l - 1],
          lay.bCount[l]!,
          out,
          lay.bOffset[l]!,
        );
      }
    }
    return out;
  }
  return readVector(where, 'params', params, lay.paramCount);
}

/** Split a flat parameter vector into per-layer weights and biases (plain arrays). */
export function unpackParams(
  net: Network,
  params: ArrayLike<number>,
): { weights: number[][]; biases: number[][] } {
  const p = readParams(net, params, 'unpackParams()');
  const lay = net.layout;
  const weights: number[][] = [];
  const biases: number[][] = [];
  for (let l = 1; l <= lay.depth; l++) {
    const w = lay.wOffset[l]!;
    const b = lay.bOffset[l]!;
    weights.push(Array.from(p.subarray(w, b)));
    biases.push(Array.from(p.subarray(b, b + lay.bCount[l]!)));
  }
  return { weights, biases };
}

/** Flat parameter vector from per-layer weights and biases (validated). */
export function packParams(net: Network, params: LayeredParams): Float64Array {
  return readParams(net, params, 'packParams()');
}

/** Every value of a forward pass, by layer number (see the module comment). */
export interface ForwardTrace {
  /** nets[l][j] = z_j^(l) for l = 1..L; nets[0] is empty (inputs have no net input). */
  readonly nets: number[][];
  /** outs[l][j] = a_j^(l) for l = 0..L; outs[0] is the (clamped) input. */
  readonly outs: number[][];
  /** The network's output, outs[L]. */
  readonly outputs: number[];
}

/** Every factor of the chain rule for one sample. */
export interface BackwardTrace extends ForwardTrace {
  /** Loss of this sample (halfSquared: Mazur's E_total). */
  readonly loss: number;
  /** dE_dout[l][j] = ∂E/∂a_j^(l), l = 0..L (l = 0: with respect to the inputs). */
  readonly dE_dout: number[][];
  /** dout_dnet[l][j] = f_l'(z_j^(l)), l = 1..L; [0] is empty. */
  readonly dout_dnet: number[][];
  /** deltas[l][j] = δ_j^(l) = ∂E/∂z_j^(l) = dE_dout · dout_dnet, l = 1..L; [0] is empty. */
  readonly deltas: number[][];
  /**
   * dnet_dw[l][k] = ∂z_j^(l)/∂w_jk = a_k^(l−1), the same for every j (it is outs[l − 1]),
   * l = 1..L; [0] is empty. The third factor of ∂E/∂w_jk = dE_dout · dout_dnet · dnet_dw.
   */
  readonly dnet_dw: number[][];
  /**
   * weightGrads[l − 1]: ∂E/∂W^(l), laid out like weights[l − 1]. Entry j·n_{l−1} + k is
   * deltas[l][j] · outs[l − 1][k], since ∂z_j^(l)/∂w_jk = a_k^(l−1).
   */
  readonly weightGrads: number[][];
  /** biasGrads[l − 1]: ∂E/∂b^(l) (shared: Σ_j δ_j^(l)). Reported even when biases are frozen. */
  readonly biasGrads: number[][];
  /** The whole gradient in the flat parameter layout. */
  readonly gradient: Float64Array;
}

/** One sample's per-layer rows from a workspace buffer; layers below `from` are left empty. */
function traceLayers(net: Network, buf: Float64Array, from: number): number[][] {
  const lay = net.layout;
  const rows: number[][] = [];
  for (let l = 0; l <= lay.depth; l++) {
    const off = lay.nodeOffset[l]!;
    rows.push(l < from ? [] : Array.from(buf.subarray(off, off + lay.sizes[l]!)));
  }
  return rows;
}

function prepare(net: Network, params: ParamsInput, inputs: unknown, where: string) {
  if (net.layout.anyBatchNorm)
    fail(
      where,
      'a network with batch normalisation is passed a batch (lossAndGradient), not one input',
    );
  const p = readParams(net, params, where);
  const X = readVector(where, 'inputs', inputs, net.sizes[0]!);
  const ws = createWorkspace(net.layout, 1);
  return { p, X, ws, rows: Int32Array.of(0) };
}

/** Forward pass for one sample, returning every net input and output. */
export function forward(
  net: Network,
  params: ParamsInput,
  inputs: ArrayLike<number>,
): ForwardTrace {
  const { p, X, ws, rows } = prepare(net, params, inputs, 'forward()');
  // A zero target keeps outputDeltas harmless; the loss it computes is discarded.
  batchLoss(net.layout, p, ws, X, new Float64Array(net.sizes[net.layout.depth]!), rows, 0, 1);
  const outs = traceLayers(net, ws.a, 0);
  return { nets: traceLayers(net, ws.z, 1), outs, outputs: outs[outs.length - 1]! };
}

/** Forward and backward pass for one sample, returning every chain-rule factor. */
export function backward(
  net: Network,
  params: ParamsInput,
  inputs: ArrayLike<number>,
  targets: ArrayLike<number>,
): BackwardTrace {
  const where = 'backward()';
  const { p, X, ws, rows } = prepare(net, params, inputs, where);
  const T = readVector(where, 'targets', targets, net.sizes[net.sizes.length - 1]!);
  const lay = net.layout;
  const L = lay.depth;
  const loss = batchStep(lay, p, ws, X, T, rows, 0, 1, 0, STEP_GRADIENT_ONLY, Infinity);
  const outs = traceLayers(net, ws.a, 0);
  const nets = traceLayers(net, ws.z, 1);
  const deltas = traceLayers(net, ws.d, 1);
  // ∂E/∂a as the backward pass computed it: from the loss at the output, W^(l+1)ᵀ δ^(l+1) below.
  const dE_dout = traceLayers(net, ws.g, 0);
  const dout_dnet: number[][] = [[]];
  for (let l = 1; l <= L; l++) {
    const act = net.activations[l - 1]!;
    const fz = lay.residual[l] === 1 ? traceLayers(net, ws.f, l)[l]! : outs[l]!;
    dout_dnet.push(nets[l]!.map((z, j) => derivativeAt(act, z, fz[j]!)));
  }
  const gradient = ws.grad.slice();
  const { weights: weightGrads, biases: biasGrads } = unpackParams(net, gradient);
  return {
    nets,
    outs,
    outputs: outs[L]!,
    loss,
    dE_dout,
    dout_dnet,
    deltas,
    dnet_dw: outs.map((_, l) => (l === 0 ? [] : outs[l - 1]!.slice())),
    weightGrads,
    biasGrads,
    gradient,
  };
}

/**
 * f'(z) exactly as the kernel computes it (from the output a for sigmoid, tanh and ELU): the
 * layer kernel runs on a one-neuron "layer" so the display can never disagree with training.
 */
function derivativeAt(act: ResolvedActivation, z: number, a: number): number {
  const d = Float64Array.of(1);
  multiplyByDerivative(act.code, act.param, Float64Array.of(z), Float64Array.of(a), d, d, 0, 1);
  return d[0]!;
}
