// The two Starlight virtual modules that its search component reads, typed for the override.
// Starlight generates them (integrations/vite-virtual-modules.js) but ships no declarations.

declare module 'virtual:starlight/pagefind-config' {
  /** Starlight's `pagefind` option (ranking weights and the like), passed to the Pagefind UI. */
  export const pagefindUserConfig: Record<string, unknown>;
}

declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
