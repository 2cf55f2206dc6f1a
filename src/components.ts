// The components chapter authors import in MDX, all from this one place:
//   import { LearningPath } from '~/components.ts';
// Page chrome and widget internals live elsewhere and are not for chapters.
export { default as LearningPath } from './components/LearningPath.astro';
export { default as CourseTable } from './components/CourseTable.astro';
export { default as Editable } from './components/live/Editable.astro';
export { default as Value } from './components/live/Value.astro';
export { default as ModelControls } from './components/live/ModelControls.astro';
export { default as NetworkDiagram } from './widgets/network-diagram/NetworkDiagram.astro';
export { default as NeuronDiagram } from './widgets/neuron-diagram/NeuronDiagram.astro';
export { default as Exercise } from './components/live/Exercise.astro';
export { default as Training } from './widgets/training/Training.astro';
export { default as Choice } from './components/live/Choice.astro';
export { default as ActivationExplorer } from './widgets/activation-explorer/ActivationExplorer.astro';
export { default as Zigzag } from './widgets/zigzag/Zigzag.astro';
export { default as Staircase } from './widgets/zigzag/Staircase.astro';
export { default as AutodiffGraph } from './widgets/autodiff/AutodiffGraph.astro';
export { default as FitNetwork } from './widgets/fit/FitNetwork.astro';
export { default as DepthFlow } from './widgets/depth/DepthFlow.astro';
