/**
 * Every model, by name, as a loader: the browser fetches a model's code (and the engine code it
 * needs) only on a page that uses it. Keep in step with registry.ts (a test checks it).
 */
import type { AnyModel } from '../model.ts';

export const modelLoaders: Readonly<Record<string, () => Promise<AnyModel>>> = {
  activations: () => import('./activations.ts').then((m) => m.default),
  autodiff: () => import('./autodiff.ts').then((m) => m.default),
  depth: () => import('./depth.ts').then((m) => m.default),
  dying: () => import('./dying.ts').then((m) => m.default),
  fit: () => import('./fit.ts').then((m) => m.default),
  mazur: () => import('./mazur.ts').then((m) => m.default),
  neuron: () => import('./neuron.ts').then((m) => m.default),
  shapes: () => import('./shapes.ts').then((m) => m.default),
  work: () => import('./work.ts').then((m) => m.default),
  zigzag: () => import('./zigzag.ts').then((m) => m.default),
};
