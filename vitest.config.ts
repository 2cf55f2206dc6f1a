import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // The test files share one module registry per worker instead of re-importing the engine,
    // the models and linkedom for each of them: 8 s instead of 35 s on 2 cores, which npm test's
    // 12-minute limit needs. No test leaves state behind (one that changes a module's setting,
    // such as format.ts's number locale, restores it), and a file that did would fail here, not
    // pass.
    isolate: false,
  },
});
