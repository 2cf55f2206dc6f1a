/**
 * What the backpropagation chapter derives from the worked example beyond the post's own
 * figures: a gradient check by central differences, the in-place step, the factors that make a
 * hidden weight's gradient small, and the work each gradient method does. Names follow
 * mazurWorkedExample() (mazur.ts).
 */
import { evaluateLoss, gradientStep } from './batch.ts';
import {
  MAZUR_PARAM_INDEX,
  mazurNetwork,
  mazurToNetwork,
  networkToMazur,
  type MazurParamName,
  type MazurParams,
} from './mazur.ts';
import { backward, forward } from './network.ts';
import { checkRange } from './validate.ts';
import { gradientWork } from './work.ts';

/** The parameters a gradient is taken for: the eight weights and the two shared biases. */
export const MAZUR_GRADIENT_NAMES = [
  ...['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'],
  ...['b1', 'b2'],
] as const satisfies readonly MazurParamName[];

/**
 * Backpropagation's gradient beside central differences for every weight and bias:
 *   bp_<name>  ∂E/∂name from one backward pass,
 *   cd_<name>  (E(name + h) − E(name − h)) / 2h, two forward passes,
 *   gap_<name> cd − bp.
 * With a smooth error the gap is O(h²) (truncation) plus about ε·E/h (rounding), so it is
 * smallest near h = 1e-5 and grows both ways.
 * @param h the step, 0 < h ≤ 1
 */
export function mazurGradientCheck(p: MazurParams, h: number): Record<string, number> {
  checkRange('mazurGradientCheck()', 'h', h, 0, 1, true);
  const net = mazurNetwork();
  const { params, inputs, targets } = mazurToNetwork(p);
  const bw = backward(net, params, inputs, targets);
  const gradient = [...bw.weightGrads[0]!, ...bw.biasGrads[0]!, ...bw.weightGrads[1]!];
  gradient.push(...bw.biasGrads[1]!);
  const r: Record<string, number> = {};
  for (const name of MAZUR_GRADIENT_NAMES) {
    const i = MAZUR_PARAM_INDEX[name];
    const at = (shift: number) => {
      const moved = params.slice();
      moved[i] = moved[i]! + shift;
      return evaluateLoss(net, moved, [inputs], [targets]);
    };
    const bp = gradient[i]!;
    const cd = (at(h) - at(-h)) / (2 * h);
    r[`bp_${name}`] = bp;
    r[`cd_${name}`] = cd;
    r[`gap_${name}`] = cd - bp;
  }
  return r;
}

/**
 * One step in the in-place order at rate eta: w5..w8 first, then the hidden gradients through
 * the new w5..w8. Returns w1_inplace..w8_inplace, the error there (E_new_inplace), and h1's
 * error signal as that order computes it: dE_dout_h1_inplace = δ_o1·w5⁺ + δ_o2·w7⁺ and
 * delta_h1_inplace = that times σ′(net_h1).
 */
export function mazurInPlaceStep(p: MazurParams, eta: number): Record<string, number> {
  const net = mazurNetwork();
  const { params, inputs, targets } = mazurToNetwork(p);
  const bw = backward(net, params, inputs, targets);
  const step = gradientStep(net, params, [inputs], [targets], { eta, update: 'inPlace' });
  const after = networkToMazur(step.params, inputs, targets);
  const r: Record<string, number> = {};
  for (let k = 1; k <= 8; k++) r[`w${k}_inplace`] = after[`w${k}` as MazurParamName];
  r.E_new_inplace = evaluateLoss(net, step.params, [inputs], [targets]);
  const [deltaO1, deltaO2] = [bw.deltas[2]![0]!, bw.deltas[2]![1]!];
  r.dE_dout_h1_inplace = deltaO1 * after.w5 + deltaO2 * after.w7;
  r.delta_h1_inplace = r.dE_dout_h1_inplace * bw.dout_dnet[1]![0]!;
  return r;
}

/**
 * Why ∂E/∂w1 is so much smaller than ∂E/∂w5, as a product of three factors:
 *   ∂E/∂w1 / ∂E/∂w5 = (i1 / out_h1) · σ′(net_h1) · (∂E/∂out_h1 / δ_o1).
 * ratio_input: the input w1 carries against the one w5 carries; ratio_slope: the extra sigmoid
 * derivative; ratio_back: what reaches out_h1 from both outputs, against δ_o1. A factor whose
 * denominator is 0 (out_o1 exactly on its target) is reported as 0, with the ratio.
 * @param r mazurWorkedExample()'s values
 */
export function mazurGradientRatio(r: Readonly<Record<string, number>>): Record<string, number> {
  const get = (name: string): number => {
    const value = r[name];
    if (value === undefined) throw new Error(`mazurGradientRatio(): missing ${name}`);
    return value;
  };
  const over = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    ratio_w1_w5: over(get('dE_dw1'), get('dE_dw5')),
    ratio_input: over(get('i1'), get('out_h1')),
    ratio_slope: get('dout_h1_dnet_h1'),
    ratio_back: over(get('dE_dout_h1'), get('delta_o1')),
  };
}

/**
 * A one-sided (forward) difference for ∂E/∂w5 with a coarse step, (E(w5 + h) − E(w5)) / h, and
 * the forward pass at w5 + h that it needs (only o1 changes): net_o1_plus, out_o1_plus and
 * E_w5_plus.
 */
export function mazurForwardDifference(p: MazurParams, h: number): Record<string, number> {
  checkRange('mazurForwardDifference()', 'h', h, 0, 1, true);
  const net = mazurNetwork();
  const { params, inputs, targets } = mazurToNetwork(p);
  const E = evaluateLoss(net, params, [inputs], [targets]);
  const moved = params.slice();
  moved[MAZUR_PARAM_INDEX.w5] = moved[MAZUR_PARAM_INDEX.w5]! + h;
  const after = forward(net, moved, inputs);
  const E_moved = evaluateLoss(net, moved, [inputs], [targets]);
  return {
    net_o1_plus: after.nets[2]![0]!,
    out_o1_plus: after.outputs[0]!,
    E_w5_plus: E_moved,
    fd_w5: (E_moved - E) / h,
  };
}

/** The work of each gradient method on the worked example's graph (see work.ts). */
export function mazurGradientWork(): Record<string, number> {
  const w = gradientWork([2, 2, 2], 'shared');
  return {
    work_params: w.params,
    work_forward: w.forward,
    work_edges: w.edges,
    work_reverse: w.reverse,
    work_forward_mode: w.forwardMode,
    work_central: w.centralDifferences,
  };
}
