/**
 * The shape of a language's dictionary: every word the course's own components and browser code
 * show a reader, by area. Each language is one object of this type (en.ts, zh-cn.ts), so a key
 * missing from a translation fails the type check. Starlight's own interface strings, and the
 * few the course adds to them, are in src/content/i18n/ (checked by src/build/translations.ts).
 */
import type { ExerciseWords } from '../live/exercise-words.ts';
import type { LiveWords } from '../live/live-words.ts';

/** The text on either side of a field, spaces included: "N = " [3] " hidden units". */
export interface AroundField {
  readonly before: string;
  readonly after: string;
}

export interface LearningPathWords {
  /** After the title of a chapter not yet written. */
  readonly soon: string;
}

export interface CourseTableWords {
  /** The line that introduces a chapter's learning goals, which the table reads from the chapter. */
  readonly goalsIntro: string;
  readonly caption: string;
  readonly chapter: string;
  readonly goals: string;
  readonly exercises: string;
  /** After an exercise's name: what kind of answer it takes. */
  readonly answerNumber: string;
  readonly answerChoice: (options: number) => string;
}

export interface Words {
  readonly exercise: ExerciseWords;
  readonly live: LiveWords;
  readonly learningPath: LearningPathWords;
  readonly courseTable: CourseTableWords;
}
