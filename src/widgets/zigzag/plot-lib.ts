/**
 * The part of Observable Plot that chapter 3's zig-zag figure draws with, for the browser to load
 * lazily, `import('./plot-lib.ts')`: as src/widgets/training/plot-lib.ts, but with the contour and
 * rect marks, so that the pages without this figure do not load d3-contour. The bundler shares
 * what the two modules have in common.
 */
export { arrow, contour, dot, line, plot, rect, ruleX, ruleY, text } from '@observablehq/plot';
