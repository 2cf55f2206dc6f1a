/** English: every word of the course's own interface (the shape is words.ts). */
import { en as exercise } from '../live/exercise-words.ts';
import { en as live } from '../live/live-words.ts';
import type { Words } from './words.ts';

export const en: Words = {
  exercise,
  live,
  learningPath: { soon: 'in preparation' },
  courseTable: {
    goalsIntro: 'By the end of the chapter you will be able to:',
    caption: 'The chapters, their learning goals and their exercises',
    chapter: 'Chapter',
    goals: 'The reader will be able to',
    exercises: 'Exercises',
    answerNumber: '(answer: a number)',
    answerChoice: (options) => `(answer: one of ${options} options)`,
  },
};
