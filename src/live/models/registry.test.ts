import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../model.ts';
import { modelLoaders } from './loaders.ts';
import { models } from './registry.ts';

describe('the model registry and its loaders', () => {
  it('list the same model names', () => {
    expect(Object.keys(modelLoaders).sort()).toEqual(Object.keys(models).sort());
  });

  it('load, for each name, the very spec object the registry has, which bears that name', async () => {
    for (const [name, load] of Object.entries(modelLoaders)) {
      const spec = await load();
      expect(spec, name).toBe(models[name]);
      expect(spec.name).toBe(name);
    }
  });

  it("hold only models whose every value checks out at the spec's defaults", () => {
    for (const [name, spec] of Object.entries(models)) {
      const values = checkModel(spec);
      expect(Object.keys(values).length, name).toBeGreaterThan(0);
    }
  });

  it('list every model module in src/live/models/', () => {
    const dir = new URL('./', import.meta.url);
    const modules = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => file !== 'registry.ts' && file !== 'loaders.ts')
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(modules.length).toBeGreaterThan(0);
    expect(Object.keys(models).sort()).toEqual(modules);
  });
});
