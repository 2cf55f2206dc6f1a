import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingTranslations, translationMismatches } from './translations.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function locales(files: Record<string, object>): string {
  dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  for (const [name, strings] of Object.entries(files)) {
    writeFileSync(join(dir, name), JSON.stringify(strings));
  }
  return dir;
}

describe('missingTranslations()', () => {
  it('finds nothing missing in the course’s own files', () => {
    expect(missingTranslations('src/content/i18n')).toEqual([]);
  });

  it('names the file and each key it lacks, or leaves empty', () => {
    const at = locales({
      'en.json': { a: 'A', b: 'B', c: 'C' },
      'zh-CN.json': { a: '甲', c: '' },
    });
    expect(missingTranslations(at)).toEqual([
      `${join(at, 'zh-CN.json')}: no translation of "b" (from en.json)`,
      `${join(at, 'zh-CN.json')}: no translation of "c" (from en.json)`,
    ]);
  });
});

describe('translationMismatches()', () => {
  it('finds nothing wrong with the course’s translations', () => {
    expect(translationMismatches('content/docs')).toEqual([]);
  });

  it('names a translation without an original, one that differs, and a chapter title the outline does not give', () => {
    dir = mkdtempSync(join(tmpdir(), 'docs-'));
    mkdirSync(join(dir, 'chapters'));
    mkdirSync(join(dir, 'zh-cn', 'chapters'), { recursive: true });
    const neuron = readFileSync('content/docs/chapters/neuron.mdx', 'utf8');
    writeFileSync(join(dir, 'chapters', 'neuron.mdx'), neuron);
    writeFileSync(
      join(dir, 'zh-cn', 'chapters', 'neuron.mdx'),
      neuron.replace('title: The neuron', 'title: 人工神经元').replace('<NeuronDiagram />', ''),
    );
    writeFileSync(join(dir, 'zh-cn', 'extra.mdx'), '---\ntitle: 多余\n---\n');
    const problems = translationMismatches(dir);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/neuron\.mdx: missing <NeuronDiagram>/);
    expect(problems.join('\n')).toMatch(
      /neuron\.mdx: the title "人工神经元" is not the outline's "神经元"/,
    );
    expect(problems.join('\n')).toMatch(/extra\.mdx: no English page/);
  });
});
