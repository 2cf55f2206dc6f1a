/**
 * Everything a reader reads in an exercise, in English: the labels the build renders
 * (src/components/live/Exercise.astro, Choice.astro) and the messages the browser shows
 * (exercise.ts, client/exercise-element.ts). One home, so that a translation is one more object
 * of this shape, never `lang === … ? … : …` in a component.
 */

/** A tolerance in words: the pieces describeTolerance() joins. */
export interface ToleranceWords {
  /** "±0.0002", from the plain number "0.0002". */
  readonly absolute: (amount: string) => string;
  /** "1%", from the plain number "1". */
  readonly relative: (percent: string) => string;
  /** Both: the looser one applies. */
  readonly either: (absolute: string, relative: string) => string;
}

export interface ExerciseWords {
  readonly title: (n: number) => string;
  readonly solved: string;
  readonly yourAnswer: string;
  readonly chooseOne: string;
  readonly check: string;
  readonly startOver: string;
  readonly hint: string;
  readonly showSolution: string;
  readonly needsScript: string;
  /** On paper: the label of the box under a numeric exercise's question, to write the answer in. */
  readonly printAnswer: string;
  /** On paper: the label of the box under a choice's options, to write the reason in. */
  readonly printWhy: string;
  /** "Give your answer to 4 decimal places." */
  readonly askDecimals: (digits: number) => string;
  /** "Give your answer to 3 significant figures." */
  readonly askFigures: (figures: number) => string;
  /** "It counts as right within ±0.0002 of the exact value." */
  readonly accepts: (tolerance: string) => string;
  readonly tolerance: ToleranceWords;
  readonly theAnswer: string;
  readonly empty: string;
  readonly invalid: (why: string) => string;
  readonly unavailable: string;
  /** The answer is a value the page's worker is still computing for the reader's settings. */
  readonly computing: string;
  readonly correct: (label: string, shown: string) => string;
  readonly notQuite: (why: string) => string;
  readonly sign: string;
  readonly close: (tolerance: string) => string;
  readonly twice: string;
  readonly half: string;
  readonly tooLarge: (factor: string) => string;
  readonly tooSmall: (factor: string) => string;
  readonly scale: (size: string, signWrong: boolean) => string;
  readonly tryAgain: (hasHint: boolean) => string;
  readonly attempt: (n: number) => string;
  readonly changed: string;
  readonly solvedEarlier: string;
  readonly triedBefore: (attempts: number) => string;
  readonly lastAnswer: (answer: string) => string;
  readonly lastChoice: string;
  readonly cleared: string;
  readonly chooseFirst: string;
  readonly correctChoice: string;
  readonly wrongChoice: string;
}

/** The example in messages that ask for a number. Never the answer. */
const EXAMPLE = 'e.g. 0.25 or −1.5';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const en: ExerciseWords = {
  title: (n) => `Exercise ${n}`,
  solved: 'Solved',
  yourAnswer: 'Your answer',
  chooseOne: 'Choose one answer',
  check: 'Check',
  startOver: 'Start over',
  hint: 'Hint',
  showSolution: 'Show the solution',
  needsScript: 'Checking an answer needs JavaScript. The hint and the solution work without it.',
  printAnswer: 'Answer:',
  printWhy: 'Why:',
  askDecimals: (digits) =>
    digits === 0
      ? 'Give your answer as a whole number.'
      : `Give your answer to ${digits} decimal ${plural(digits, 'place', 'places')}.`,
  askFigures: (figures) =>
    `Give your answer to ${figures} significant ${plural(figures, 'figure', 'figures')}.`,
  accepts: (tolerance) => `It counts as right within ${tolerance} of the exact value.`,
  tolerance: {
    absolute: (amount) => `±${amount}`,
    relative: (percent) => `${percent}%`,
    either: (absolute, relative) => `${absolute} or ${relative} (whichever is larger)`,
  },
  theAnswer: 'the answer',
  empty: `Type your answer as a number, ${EXAMPLE}.`,
  invalid: (why) => `${why} Write it with digits, ${EXAMPLE}.`,
  unavailable: 'This answer cannot be computed for the values on this page. Try resetting them.',
  computing:
    'The page is still computing this answer for the values you set. Check again in a moment.',
  correct: (label, shown) => `Correct: ${label} is ${shown} for the values on this page.`,
  notQuite: (why) => `Not quite. ${why}`,
  sign: 'Check the sign: yours is the opposite of the answer’s.',
  close: (tolerance) =>
    `You are close, but not within ${tolerance}: keep more digits in the intermediate steps.`,
  twice: 'about twice as large as it should be',
  half: 'about half as large as it should be',
  tooLarge: (factor) => `about ${factor} times too large: check the decimal point`,
  tooSmall: (factor) => `about ${factor} times too small: check the decimal point`,
  scale: (size, signWrong) =>
    `Your answer is ${size}${signWrong ? ', and its sign is wrong' : ''}.`,
  tryAgain: (hasHint) => (hasHint ? 'Try again, or open the hint.' : 'Try again.'),
  attempt: (n) => `(Attempt ${n}.)`,
  changed: 'The values on this page have changed, and so has the answer. Check again.',
  solvedEarlier: 'Solved earlier.',
  triedBefore: (attempts) =>
    `You tried this ${attempts === 1 ? 'once' : `${attempts} times`} before.`,
  lastAnswer: (answer) => `Your last answer was ${answer}.`,
  lastChoice: 'Your last answer is selected.',
  cleared: 'Your progress on this exercise was cleared.',
  chooseFirst: 'Choose one of the answers first.',
  correctChoice: 'Correct.',
  wrongChoice: 'Not quite.',
};
