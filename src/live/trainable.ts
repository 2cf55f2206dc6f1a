/**
 * What a model declares to be trained by the training panel (src/widgets/training/): how to
 * build the engine's network, parameter vector and data from the model's values, which
 * parameters the panel shows and writes back, which outputs it plots against which targets,
 * and which of the model's parameters hold the run's settings.
 */
import type { Network } from '../engine/network.ts';
import type { Dataset } from '../engine/train.ts';

export interface Trainable<P> {
  /** The network, its flat parameter vector and the data to train on, from the values. */
  setup(params: P): {
    readonly net: Network;
    readonly params: Float64Array;
    readonly data: Dataset;
  };
  /**
   * The trainable parameters the panel shows (in table order) and writes back to the model
   * after a step or a run: each a number parameter of the model, with its index in the vector.
   */
  readonly weights: Readonly<Record<string, number>>;
  /**
   * The outputs the figure plots, one per network output for the first example: the derived
   * value that shows it on the page (e.g. `out_o1`) and the parameter holding its target (`t1`).
   */
  readonly outputs: ReadonlyArray<{ readonly value: string; readonly target: string }>;
  /** The derived number that shows the loss the trainer minimises, e.g. `E`. */
  readonly loss: string;
  /** The number parameters holding the learning rate and N, and the boolean for the order. */
  readonly settings: { readonly eta: string; readonly steps: string; readonly inPlace?: string };
}
