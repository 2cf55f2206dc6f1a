/**
 * Backprop Live's math engine: pure TypeScript, no DOM, no Astro. Every number on a page is
 * computed by these modules, in the browser and in Node alike.
 */
export * from './activations.ts';
export * from './activation-info.ts';
export * from './rng.ts';
export { VALUE_BOUND, clampValue } from './validate.ts';
export * from './network.ts';
export * from './batch.ts';
export * from './init.ts';
export * from './train.ts';
export * from './predict.ts';
export * from './graph.ts';
export * from './graph-examples.ts';
export * from './diagnostics.ts';
export * from './mazur.ts';
export { DELTA_BOUND } from './kernel.ts';
export type { Layout, Workspace } from './kernel.ts';
