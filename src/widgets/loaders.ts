/**
 * The widgets' elements, by tag, as loaders: the live layer fetches a widget's code only on a
 * page that has one. Each loader resolves with the function that defines the element.
 */
import type { PageStore } from '../live/client/page.ts';

type Define = (store: PageStore) => void;

export const widgetLoaders: Readonly<Record<string, () => Promise<Define>>> = {
  'autodiff-graph': () =>
    import('./autodiff/autodiff-element.ts').then((m) => m.defineAutodiffGraph),
  'activation-explorer': () =>
    import('./activation-explorer/explorer-element.ts').then((m) => m.defineActivationExplorer),
  'depth-flow': () => import('./depth/depth-element.ts').then((m) => m.defineDepthFlow),
  'fit-network': () => import('./fit/fit-element.ts').then((m) => m.defineFitNetwork),
  'live-exercise': () =>
    import('../live/client/exercise-element.ts').then((m) => m.defineLiveExercise),
  'live-training': () => import('./training/training-element.ts').then((m) => m.defineTraining),
  'network-diagram': () =>
    import('./network-diagram/diagram-element.ts').then((m) => m.defineNetworkDiagram),
  'zigzag-descent': () => import('./zigzag/zigzag-element.ts').then((m) => m.defineZigzag),
};
