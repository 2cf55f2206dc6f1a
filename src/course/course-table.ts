import { en } from '../i18n/en.ts';

/**
 * What the instructor guide's table of chapters (src/components/CourseTable.astro) reads from
 * each chapter's MDX, so that nothing in it is typed twice:
 *
 * - the learning goals: the list after "By the end of the chapter you will be able to:";
 * - the exercises, in page order: id, kind (a number or a choice among options), and the
 *   question, whose live numbers are written as text by the caller (at the chapter's starting
 *   values, as the chapter shows them before anyone edits).
 *
 * Pure functions over source text; a chapter without goals, or a question the table cannot
 * write, fails the build with the file's name.
 */

export const GOALS_INTRO = en.courseTable.goalsIntro;

/**
 * The goals list as Markdown (`- …` items, continuation lines included), after the line `intro`
 * (the page language's, src/i18n/: `学完本章，你将能够：` in Chinese).
 */
export function learningGoals(source: string, file: string, intro = GOALS_INTRO): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === intro);
  if (start < 0) {
    throw new Error(
      `${file}: a chapter states its learning goals as a list after the line "${intro}" (the instructor guide's table shows them).`,
    );
  }
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' && items.length === 0) continue;
    if (line.startsWith('- ') || (items.length > 0 && /^\s+\S/.test(line))) items.push(line);
    else break;
  }
  if (items.length === 0) {
    throw new Error(`${file}: the line "${intro}" must be followed by a list of goals.`);
  }
  return items.join('\n');
}

export interface ExerciseSummary {
  readonly id: string;
  readonly kind: 'number' | 'choice';
  /** Options to choose from (choice exercises). */
  readonly options: number;
  /** The question as Markdown, its `<Value>` and `<Editable>` tags written out. */
  readonly question: string;
  /** What it asks: the question's last sentence that ends in "?", or all of it (see askOf). */
  readonly ask: string;
}

/** Sentences of Markdown text, not split inside `$…$` math (where "0.5" has a point). */
export function sentences(text: string): string[] {
  const found: string[] = [];
  let current = '';
  let math = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    current += char;
    if (char === '$') math = !math;
    const next = text[i + 1];
    // A Chinese full stop, question or exclamation mark ends a sentence with no space after it.
    const ends = '.?!'.includes(char) && (next === undefined || /\s/.test(next));
    if (!math && (ends || '。？！'.includes(char))) {
      if (!/\b(?:e\.g|i\.e|cf)\.$/.test(current)) {
        found.push(current.trim());
        current = '';
      }
    }
  }
  if (current.trim() !== '') found.push(current.trim());
  return found;
}

/** Shorter than this, a question's last sentence ("Why?") needs the rest to make sense. */
const SHORTEST_ASK = 30;

/**
 * What an exercise asks, for a table that lists many: the last sentence that ends in "?", when
 * it can stand alone; otherwise the whole question.
 */
export function askOf(question: string): string {
  const asks = sentences(question).filter((sentence) => /[?？]$/.test(sentence));
  const last = asks.at(-1);
  // Chinese says as much in about a third of the characters.
  const shortest = last && /[\u4e00-\u9fff]/.test(last) ? SHORTEST_ASK / 3 : SHORTEST_ASK;
  return last !== undefined && last.length >= shortest ? last : question;
}

/** A `<Value …/>` or `<Editable …/>` tag in a question, with its props. */
export interface LiveTag {
  readonly component: 'Value' | 'Editable';
  readonly props: Readonly<Record<string, string | number | true>>;
}

const EXERCISE = /<Exercise\b([^>]*)>([^]*?)<\/Exercise>/g;
const QUESTION = /<Fragment\s+slot="question"\s*>([^]*?)<\/Fragment>/;
const LIVE_TAG = /<(Value|Editable)\b([^>]*?)\/>/g;
const PROP = /([A-Za-z]+)(?:=(?:"([^"]*)"|\{(-?\d+(?:\.\d+)?)\}))?/g;

function tagProps(text: string): Record<string, string | number | true> {
  const props: Record<string, string | number | true> = {};
  for (const [, name, quoted, braced] of text.matchAll(PROP)) {
    if (name === undefined) continue;
    props[name] = quoted ?? (braced === undefined ? true : Number(braced));
  }
  return props;
}

/**
 * The chapter's exercises in page order. `write` turns each live tag of a question into the
 * text it shows; any other tag in a question is an error, since the table could only drop it.
 */
export function exercises(
  source: string,
  file: string,
  write: (tag: LiveTag) => string,
): ExerciseSummary[] {
  const found: ExerciseSummary[] = [];
  for (const [, attributes = '', body = ''] of source.matchAll(EXERCISE)) {
    const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
    const question = QUESTION.exec(body)?.[1];
    if (id === undefined || question === undefined) {
      throw new Error(`${file}: an <Exercise> needs an id and a question slot.`);
    }
    const written = question.replace(LIVE_TAG, (_, component: 'Value' | 'Editable', props) =>
      write({ component, props: tagProps(String(props)) }),
    );
    // Markup outside math (`$z < b$` is math) would be dropped by the table's Markdown.
    const other = /<[A-Za-z][^>]*>/.exec(written.replace(/\$[^$]*\$/g, ''));
    if (other) {
      throw new Error(
        `${file}: exercise "${id}": the instructor guide cannot write ${other[0]} from its question; use <Value> or <Editable> for a number in a question.`,
      );
    }
    const numeric = /\banswer="/.test(attributes);
    const text = written.split(/\s+/).join(' ').trim();
    found.push({
      id,
      kind: numeric ? 'number' : 'choice',
      options: numeric ? 0 : (body.match(/<Choice\b/g) ?? []).length,
      question: text,
      ask: askOf(text),
    });
  }
  return found;
}
