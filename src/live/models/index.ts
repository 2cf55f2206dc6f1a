import type { ModelSpec } from '../model.ts';
import { mazurModel } from './mazur.ts';

/** Every model a page may use, by name. */
export const models: Readonly<Record<string, ModelSpec>> = {
  [mazurModel.name]: mazurModel,
};
