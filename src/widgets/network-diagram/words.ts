/**
 * The network diagram's words: the names a screen reader gives the diagram and its read-outs,
 * and what the diagram announces once the reader has settled on a new value. The visible
 * formulas are in NetworkDiagram.astro; the read-outs' numbers come from the model.
 */

/** The diagram's name, as a group. */
export const diagramName = 'The worked example’s network';

/** What the drawing shows, for a reader who cannot see it (the drawing itself is hidden). */
export const diagramStructure =
  'Inputs i1 and i2 feed hidden neurons h1 and h2 through weights w1 to w4; the hidden neurons feed outputs o1 and o2 through weights w5 to w8; biases b1 and b2 feed each layer; both outputs feed the error E. Each input, weight and bias can be changed, and each neuron shows its net input and its output.';

/** The two read-outs of a neuron, as they are labelled on the drawing. */
export const netWord = 'net';
export const outWord = 'out';

/** What comes before a neuron's read-outs in its name: "h1: net 0.3775, out 0.5933". */
export const neuronPrefix = (id: string): string => `${id}: `;

/** What comes before E's read-out in its name: "error E: 0.2984". */
export const errorPrefix = 'error E: ';

/** Between a neuron's two read-outs in its name. */
export const readOutSeparator = ', ';

/**
 * What the diagram says once the reader has stopped changing a value: the chain rule of the
 * weight or bias whose gradient is shown, as its numbers read ("0.7414 × 0.1868 × 0.5933 =
 * 0.082167"), and the error.
 */
export function settledText(param: string | undefined, factors: string, error: string): string {
  const chain = param ? `∂E/∂${param} = ${factors}. ` : '';
  return `${chain}Error E: ${error}.`;
}
