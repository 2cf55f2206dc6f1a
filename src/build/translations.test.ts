import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingTranslations } from './translations.ts';

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
