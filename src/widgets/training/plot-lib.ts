/**
 * The part of Observable Plot that the course's live figures draw with (the training panel's and
 * the activation explorer's), and nothing else: the module for the browser to load lazily,
 * `import('./plot-lib.ts')`.
 *
 * A dynamic import of '@observablehq/plot' itself hands the whole namespace to the page, so the
 * bundler must keep every mark, scale and transform. Through this module it can drop what is not
 * re-exported here (Plot 0.6.17, measured on the built chunk: 125 KB gzip for the whole module,
 * 84 KB for this one). A mark that loss-plot.ts or explorer-plot.ts starts to use must be added here: its `PlotLib`
 * type comes from this module, so TypeScript points out a missing one.
 */
export { dot, line, lineY, plot, ruleX, ruleY, text } from '@observablehq/plot';
