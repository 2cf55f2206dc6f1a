// The components chapter authors import in MDX, all from this one place:
//   import { LearningPath } from '~/components.ts';
// Page chrome and widget internals live elsewhere and are not for chapters.
export { default as LearningPath } from './components/LearningPath.astro';
