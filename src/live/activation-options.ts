/**
 * The activations a page can choose by name, shared by the models that offer the choice
 * (neuron, activations, dying): the names the URL uses, their labels, and the engine's
 * activation for each, with the page's leaky ReLU slope and ELU α.
 */
import type { ActivationSpec } from '../engine/activations.ts';

export const ACTIVATIONS = {
  sigmoid: 'sigmoid σ',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU',
  elu: 'ELU',
} as const;
export type ActivationOption = keyof typeof ACTIVATIONS;

/** The engine's activation for an option, with the page's leaky slope and ELU α. */
export function activationSpec(
  option: ActivationOption,
  leak: number,
  alpha: number,
): ActivationSpec {
  switch (option) {
    case 'sigmoid':
    case 'tanh':
    case 'relu':
      return option;
    case 'leaky-relu':
      return { id: 'leakyRelu', a: leak };
    case 'elu':
      return { id: 'elu', alpha };
  }
}

/** Every option with the short name a model's values use for it (f_leaky, mean_leaky). */
export const EACH_ACTIVATION = [
  ['sigmoid', 'sigmoid'],
  ['tanh', 'tanh'],
  ['relu', 'relu'],
  ['leaky', 'leaky-relu'],
  ['elu', 'elu'],
] as const satisfies readonly (readonly [string, ActivationOption])[];
