/**
 * A translated page must compute exactly what its English original computes: the same widgets in
 * the same order, the same live numbers (`<Value>`, `<Editable>`, `\live{…}` in math) with the
 * same props, the same exercises and answers, and the same `models` frontmatter, so that a link's
 * state gives the same numbers in either language. Only words change: the prose, the title and
 * description, and an exercise's `label`. Its links stay in its own language.
 *
 * `translationProblems(english, translated)` returns one line per difference; the build fails on
 * any (src/build/translations.ts), and a translator can run
 * `node src/build/check-translation.ts content/docs/zh-cn/chapters/neuron.mdx`.
 */

/** Props that are words for the reader, and so are translated. */
const WORDS = new Set(['label', 'name']);

/** Components whose order on the page is part of the structure (the rest may move in a sentence). */
const INLINE = new Set(['Value', 'Editable', 'Fragment', 'Choice']);

interface Tag {
  name: string;
  props: string;
}

function frontmatter(source: string): string {
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  return match?.[1] ?? '';
}

/** The `models:` block of the frontmatter, as written (comments aside). */
function modelsBlock(source: string): string {
  const lines = frontmatter(source).split('\n');
  const start = lines.findIndex((line) => /^models:/.test(line));
  if (start < 0) return '';
  const block = [lines[start]!];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    if (/^\s*#/.test(line)) continue;
    block.push(line.trimEnd());
  }
  return block.join('\n');
}

function body(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---/, '');
}

function tags(source: string): Tag[] {
  const found: Tag[] = [];
  for (const match of body(source).matchAll(/<([A-Z][A-Za-z]*)((?:\s+[^>]*?)?)\s*\/?>/g)) {
    const props = [...match[2]!.matchAll(/([A-Za-z]+)(?:=("[^"]*"|\{[^}]*\}))?/g)]
      .filter((prop) => !WORDS.has(prop[1]!))
      .map((prop) => (prop[2] === undefined ? prop[1]! : `${prop[1]}=${prop[2]}`))
      .sort()
      .join(' ');
    found.push({ name: match[1]!, props });
  }
  return found;
}

const show = (tag: Tag): string => `<${tag.name}${tag.props ? ` ${tag.props}` : ''}>`;

function liveRefs(source: string): string[] {
  return [...body(source).matchAll(/\\live(?:\[[^\]]*\])?\{[^}]*\}/g)].map((m) => m[0]);
}

function imports(source: string): string[] {
  return [...body(source).matchAll(/^import .*$/gm)].map((m) => m[0]);
}

function headings(source: string): number {
  return [...body(source).matchAll(/^#{2,3} /gm)].length;
}

/** What one list has more of than the other, each item with its count. */
function surplus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of a) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) - 1);
  return [...counts].filter(([, n]) => n > 0).map(([item, n]) => (n > 1 ? `${item} ×${n}` : item));
}

/**
 * Differences between an English page and its translation. `locale` is the translation's path
 * prefix (`zh-cn`): its links to course pages must stay under it.
 */
export function translationProblems(
  english: string,
  translated: string,
  locale = 'zh-cn',
): string[] {
  const problems: string[] = [];
  if (modelsBlock(english) !== modelsBlock(translated)) {
    problems.push('the frontmatter `models` must be the English page’s, unchanged');
  }
  const [ei, ti] = [imports(english), imports(translated)];
  if (ei.join('\n') !== ti.join('\n'))
    problems.push(`the imports must be the English page’s: ${ei.join('; ')}`);

  const [et, tt] = [tags(english), tags(translated)];
  for (const tag of surplus(et.map(show), tt.map(show))) problems.push(`missing ${tag}`);
  for (const tag of surplus(tt.map(show), et.map(show)))
    problems.push(`not in the English page: ${tag}`);
  const blocks = (list: Tag[]) => list.filter((t) => !INLINE.has(t.name)).map(show);
  if (problems.length === 0 && blocks(et).join() !== blocks(tt).join()) {
    problems.push(`widgets and exercises must come in the English order: ${blocks(et).join(', ')}`);
  }

  const [el, tl] = [liveRefs(english), liveRefs(translated)];
  for (const ref of surplus(el, tl)) problems.push(`missing ${ref} in math`);
  for (const ref of surplus(tl, el)) problems.push(`not in the English page: ${ref} in math`);

  if (headings(english) !== headings(translated)) {
    problems.push(
      `the English page has ${headings(english)} section headings (## and ###), this one ${headings(translated)}`,
    );
  }
  for (const link of body(translated).matchAll(/\]\((\/[^)\s]*)\)|href="(\/[^"]*)"/g)) {
    const href = link[1] ?? link[2]!;
    if (!href.startsWith(`/${locale}/`)) {
      problems.push(`the link ${href} leaves the translation: write /${locale}${href}`);
    }
  }
  return problems;
}
