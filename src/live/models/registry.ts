/**
 * Every model, by name, for the build: the author components and `\\live` math check their refs
 * against these and render their values. The browser never imports this file; it loads only the
 * models a page uses, through loaders.ts (a test keeps the two lists equal).
 */
import type { AnyModel } from '../model.ts';
import activations from './activations.ts';
import autodiff from './autodiff.ts';
import depth from './depth.ts';
import dying from './dying.ts';
import fit from './fit.ts';
import mazur from './mazur.ts';
import neuron from './neuron.ts';
import shapes from './shapes.ts';
import work from './work.ts';
import zigzag from './zigzag.ts';

export const models: Readonly<Record<string, AnyModel>> = {
  activations,
  autodiff,
  depth,
  dying,
  fit,
  mazur,
  neuron,
  shapes,
  work,
  zigzag,
};
