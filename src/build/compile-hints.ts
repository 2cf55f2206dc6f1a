/**
 * Marks the chunks of Observable Plot (and the figures drawn with it) for eager compilation:
 * `//# allFunctionsCalledOnLoad` at the top of a script has V8 compile all its functions while
 * the script loads, off the main thread where the script is streamed, instead of each on its
 * first call (https://v8.dev/blog/explicit-compile-hints). Plot is loaded when a figure must
 * change, and its first figure was then a task of 75 to 127 ms at 4× CPU, most of it compiling
 * Plot's functions: pressing Train just after typing a new N on the backprop chapter gave 2 to
 * 4 long tasks a run, and 0 or 1 with the hint (their time past 50 ms, 51–73 ms against 0–7).
 */
import type { Plugin } from 'vite';

/** The comment V8 reads, on the script's first line. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The modules whose chunks get it: Plot, the d3 it is built on, and our figures. */
const EAGER = [
  /[\\/]node_modules[\\/](@observablehq[\\/]plot|d3-[a-z-]+|interval-tree-1d|isoformat)[\\/]/,
  /[\\/]src[\\/]widgets[\\/]training[\\/](loss-plot|move-plot|plot-lib)\.ts$/,
];

/** True if a chunk with these modules should be compiled eagerly. */
export function wantsEagerCompile(moduleIds: readonly string[]): boolean {
  return moduleIds.some((id) => EAGER.some((pattern) => pattern.test(id)));
}

/** The part of a bundle's output this needs. */
interface OutputChunk {
  type: 'chunk' | 'asset';
  moduleIds?: readonly string[];
  code?: string;
}

/** Prepends the hint to each chunk of `bundle` that wants it, once. */
export function addCompileHints(bundle: Record<string, OutputChunk>): void {
  for (const chunk of Object.values(bundle)) {
    if (chunk.type !== 'chunk' || chunk.code === undefined) continue;
    if (!wantsEagerCompile(chunk.moduleIds ?? []) || chunk.code.startsWith(COMPILE_HINT)) continue;
    chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
  }
}

/**
 * The Vite plugin. It edits the bundle once it is final (generateBundle): the minifier, which
 * runs on each chunk after renderChunk, drops comments. The file names' content hashes were
 * computed before, so a chunk keeps its name; the comment is all that differs.
 */
export function compileHints(): Plugin {
  return {
    name: 'backprop-live:compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      addCompileHints(bundle);
    },
  };
}
