/**
 * How much work each way of computing a gradient does, counted on the scalar computation graph
 * of a dense sigmoid network (graph.ts), for the chapters that ask why backpropagation is cheap.
 *
 * The unit is one graph operation: evaluating one node (a product, a sum, a sigmoid, …) in a
 * forward pass, or one multiply-add of a local derivative along one edge in a derivative sweep.
 * The graph is built as buildMazurGraph() builds the worked example's: each neuron's net input
 * is ((w₁x₁ + w₂x₂) + …) + b, then a sigmoid, and the error is Σ ½(t − out)².
 *
 *   forward pass        O operations (O = the graph's operation nodes)
 *   reverse mode        O + S     (one forward pass, then one backward sweep over all S edges)
 *   forward mode        O + P·S   (one tangent sweep per parameter, each over every edge)
 *   central differences 2P·O      (two extra forward passes per parameter)
 *
 * work.test.ts checks O and S against graphs actually built with graph.ts.
 */
import { fail } from './validate.ts';

export interface GradientWork {
  /** Parameters the gradient is taken with respect to (weights and biases). */
  readonly params: number;
  /** Operations in one forward pass: the graph's operation nodes. */
  readonly forward: number;
  /** Edges of the graph: multiply-adds in one derivative sweep. */
  readonly edges: number;
  /** One forward pass and one backward sweep. */
  readonly reverse: number;
  /** One forward pass and one tangent sweep per parameter. */
  readonly forwardMode: number;
  /** Two forward passes per parameter, at w + h and w − h. */
  readonly centralDifferences: number;
}

/**
 * The work of each gradient method for a dense sigmoid network with layer sizes `sizes`
 * (inputs first) and half-squared error summed over the outputs.
 * @param bias 'perNeuron' (default): one bias per neuron; 'shared': one per layer (Mazur's)
 */
export function gradientWork(
  sizes: readonly number[],
  bias: 'perNeuron' | 'shared' = 'perNeuron',
): GradientWork {
  const where = 'gradientWork()';
  const list: unknown = sizes;
  if (!Array.isArray(list) || list.length < 2)
    fail(where, 'sizes must list at least an input and an output layer');
  for (const n of sizes)
    if (!Number.isInteger(n) || n < 1 || n > 1e6)
      fail(where, `every size must be a whole number from 1 to 1,000,000 (got ${String(n)})`);
  let forward = 0;
  let edges = 0;
  let params = 0;
  for (let l = 1; l < sizes.length; l++) {
    const [inputs, neurons] = [sizes[l - 1]!, sizes[l]!];
    // Per neuron: `inputs` products and `inputs` sums (the last adds the bias), each with two
    // operands, then one sigmoid with one.
    forward += neurons * (2 * inputs + 1);
    edges += neurons * (4 * inputs + 1);
    params += neurons * inputs + (bias === 'shared' ? 1 : neurons);
  }
  const outputs = sizes[sizes.length - 1]!;
  // Per output: t − out as neg and add, a square, times ½ (ops 4, edges 1 + 2 + 1 + 2);
  // then the outputs' errors are added up.
  forward += 4 * outputs + (outputs - 1);
  edges += 6 * outputs + 2 * (outputs - 1);
  return {
    params,
    forward,
    edges,
    reverse: forward + edges,
    forwardMode: forward + params * edges,
    centralDifferences: 2 * params * forward,
  };
}
