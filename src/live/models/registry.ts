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

const registry = {
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

export const models: Readonly<Record<string, AnyModel>> = registry;

type Registry = typeof registry;
type ParamsOf<M extends keyof Registry> = Registry[M]['params'];

/**
 * The words of every model's parameters in another language (src/i18n/zh-cn/params.ts): each
 * parameter's label, and each option of a choice. English is the models' own labels. Typed from
 * the models, so that a new parameter or option without a translation fails the type check.
 */
export type ParamWords = {
  readonly [M in keyof Registry]: {
    readonly [P in keyof ParamsOf<M>]: ParamsOf<M>[P] extends {
      readonly kind: 'choice';
      readonly options: infer O;
    }
      ? { readonly label: string; readonly options: { readonly [K in keyof O]: string } }
      : string;
  };
};
