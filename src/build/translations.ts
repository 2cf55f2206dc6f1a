import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chapters } from '../course/outline.ts';
import { translationProblems } from './translation-structure.ts';

/**
 * Checks the interface strings (src/content/i18n/, one JSON file per locale): every key the
 * English file has, every other locale's file must have too, or a Chinese reader would meet an
 * English sentence with no warning to anyone. Returns one line per missing key, naming the file;
 * empty when all is well. astro.config.mjs fails the build on any.
 */
export function missingTranslations(dir: string, reference = 'en.json'): string[] {
  const read = (file: string): Record<string, unknown> => {
    const data: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error(`${join(dir, file)}: expected an object of strings.`);
    }
    return data as Record<string, unknown>;
  };
  const keys = Object.keys(read(reference));
  const missing: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== reference)) {
    const strings = read(file);
    for (const key of keys) {
      if (typeof strings[key] !== 'string' || strings[key] === '') {
        missing.push(`${join(dir, file)}: no translation of "${key}" (from ${reference})`);
      }
    }
  }
  return missing;
}

/**
 * Checks every translated page under `<contentDir>/<locale>/` against its English original
 * (translation-structure.ts): the same widgets, numbers, exercises and `models`, links in its own
 * language. Returns one line per problem, naming the file; astro.config.mjs fails the build on
 * any. A translation without an English original is a problem too.
 */
export function translationMismatches(contentDir: string, locale = 'zh-cn'): string[] {
  const root = join(contentDir, locale);
  if (!existsSync(root)) return [];
  const problems: string[] = [];
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.mdx?$/.test(f),
  );
  for (const file of files) {
    const translated = join(root, file);
    const original = join(contentDir, file);
    if (!existsSync(original)) {
      problems.push(`${translated}: no English page ${original} to translate`);
      continue;
    }
    const found = translationProblems(
      readFileSync(original, 'utf8'),
      readFileSync(translated, 'utf8'),
      locale,
    );
    for (const problem of found) problems.push(`${relative('.', translated)}: ${problem}`);
    // The sidebar and the home page name a chapter by the outline's title: the page's must agree.
    const chapter = chapters.find((c) => file.replace(/\\/g, '/') === `chapters/${c.slug}.mdx`);
    const title = /^title:\s*(.+)$/m.exec(readFileSync(translated, 'utf8'))?.[1]?.trim();
    if (chapter && title !== chapter.titleZh) {
      problems.push(
        `${relative('.', translated)}: the title "${title ?? ''}" is not the outline's "${chapter.titleZh}" (src/course/outline.ts), which the sidebar and the home page show`,
      );
    }
  }
  return problems;
}
