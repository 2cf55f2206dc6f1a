import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthoringError } from './authoring.ts';
import {
  NO_PROGRESS,
  checkAnswer,
  checkChoices,
  claimExerciseId,
  countChoices,
  nudgeFor,
  pagePath,
  readProgress,
  recordAttempt,
  resolveExerciseId,
  serializeProgress,
  storageKey,
  type CheckResult,
} from './exercise.ts';
import {
  DEFAULT_SPEC,
  resolveAnswerSpec,
  resolvePositive,
  type AnswerSpec,
} from './exercise-precision.ts';

/** Asks for `digits` decimals and accepts within ±absolute. */
const decimals = (absolute: number, digits = 4): AnswerSpec => ({
  precision: { kind: 'decimals', digits },
  tolerance: { absolute, relative: 0 },
});
/** The default: 4 decimals, within ±0.0002. */
const DEFAULT = DEFAULT_SPEC;
/** Half a unit in the 4th decimal: the old default, for tests about the edges of a tolerance. */
const TIGHT = decimals(5e-5);
/** ∂E/∂w6 in Mazur's example. */
const EXPECTED = 0.0826676278;

function kindOf(result: CheckResult): string {
  return result.kind;
}

describe('checkAnswer()', () => {
  it('accepts an answer within the tolerance, with the expected value in the message', () => {
    const result = checkAnswer('0.0827', EXPECTED, DEFAULT, { label: '∂E/∂w6' });
    expect(result).toMatchObject({ kind: 'correct', value: 0.0827, expected: EXPECTED });
    expect(result.message).toBe('Correct: ∂E/∂w6 is 0.0827 for the values on this page.');
  });

  it('says "the answer" without a label, and shows the requested digits', () => {
    expect(checkAnswer('0.082667', EXPECTED, decimals(2e-6, 6)).message).toBe(
      'Correct: the answer is 0.082668 for the values on this page.',
    );
  });

  it('accepts a comma as the decimal separator, spaces and a typographic minus', () => {
    expect(kindOf(checkAnswer(' 0,0827 ', EXPECTED, DEFAULT))).toBe('correct');
    expect(kindOf(checkAnswer('\u22120.0827', -EXPECTED, DEFAULT))).toBe('correct');
    expect(kindOf(checkAnswer('8.267e-2', EXPECTED, DEFAULT))).toBe('correct');
  });

  it('asks for a number when the box is empty, without revealing the answer', () => {
    for (const input of ['', '   ', '\t\n']) {
      const result = checkAnswer(input, EXPECTED, DEFAULT);
      expect(result.kind).toBe('empty');
      expect(result.message).toBe('Type your answer as a number, e.g. 0.25 or −1.5.');
    }
  });

  it('explains unreadable input in words, never with NaN or Infinity', () => {
    for (const input of ['abc', '-', '1e999', 'NaN', 'Infinity', '1,000.5', '1/2', '8%']) {
      const result = checkAnswer(input, EXPECTED, DEFAULT);
      expect(result.kind).toBe('invalid');
      expect(result.message).toMatch(/Write it with digits, e\.g\. 0\.25 or −1\.5\.$/);
      expect(result.message).not.toMatch(/NaN|undefined|0\.0827/);
    }
    expect(checkAnswer('abc', EXPECTED, DEFAULT).message).toBe(
      '“abc” is not a number. Write it with digits, e.g. 0.25 or −1.5.',
    );
  });

  it('points to the hint for a wrong answer with no common slip, if there is one', () => {
    expect(checkAnswer('0.3', EXPECTED, DEFAULT, { hasHint: true }).message).toBe(
      'Not quite. Try again, or open the hint.',
    );
    expect(checkAnswer('0.3', EXPECTED, DEFAULT).message).toBe('Not quite. Try again.');
    expect(checkAnswer('0', EXPECTED, DEFAULT)).toMatchObject({ kind: 'wrong', value: 0 });
  });

  it('never shows the expected value in a wrong answer’s message', () => {
    for (const input of ['0.3', '-0.0827', '0.827', '0.165', '0.0826']) {
      expect(checkAnswer(input, EXPECTED, TIGHT).message).not.toContain('0.0827');
    }
  });

  it('says when only the sign is wrong', () => {
    const result = checkAnswer('-0.0827', EXPECTED, DEFAULT);
    expect(result).toMatchObject({ kind: 'wrong', nudge: { kind: 'sign' } });
    expect(result.message).toBe(
      'Not quite. Check the sign: yours is the opposite of the answer’s.',
    );
    expect(nudgeFor(0.0827, -EXPECTED, DEFAULT.tolerance)).toEqual({ kind: 'sign' });
    // Wrong sign and wrong size, with no factor to explain it: the sign is the first thing to fix.
    expect(nudgeFor(-0.3, EXPECTED, DEFAULT.tolerance)).toEqual({ kind: 'sign' });
  });

  it('says when the decimal point is off by a power of ten', () => {
    expect(checkAnswer('0.827', EXPECTED, DEFAULT).message).toBe(
      'Not quite. Your answer is about 10 times too large: check the decimal point.',
    );
    expect(checkAnswer('0.00827', EXPECTED, DEFAULT).message).toBe(
      'Not quite. Your answer is about 10 times too small: check the decimal point.',
    );
    expect(nudgeFor(8.27, EXPECTED, DEFAULT.tolerance)).toEqual({
      kind: 'scale',
      factor: 100,
      negative: false,
    });
    expect(nudgeFor(0.0000827, EXPECTED, DEFAULT.tolerance)).toMatchObject({ factor: 0.001 });
    expect(checkAnswer('-0.827', EXPECTED, DEFAULT).message).toBe(
      'Not quite. Your answer is about 10 times too large: check the decimal point, and its sign is wrong.',
    );
  });

  it('says when the answer is off by a factor of two', () => {
    expect(checkAnswer('0.1653', EXPECTED, DEFAULT).message).toBe(
      'Not quite. Your answer is about twice as large as it should be.',
    );
    expect(checkAnswer('0.04133', EXPECTED, DEFAULT).message).toBe(
      'Not quite. Your answer is about half as large as it should be.',
    );
  });

  it('says when an answer is close but outside the tolerance', () => {
    expect(checkAnswer('0.0825', EXPECTED, TIGHT).message).toBe(
      'Not quite. You are close, but not within ±0.00005: keep more digits in the intermediate steps.',
    );
    expect(checkAnswer('0.0823', EXPECTED, DEFAULT).message).toContain('not within ±0.0002:');
    const both: AnswerSpec = { ...TIGHT, tolerance: { absolute: 1e-5, relative: 0.001 } };
    expect(checkAnswer('0.0825', EXPECTED, both).message).toContain(
      'not within ±0.00001 or 0.1% (whichever is larger)',
    );
  });

  it('gives no nudge when the expected value or the answer is 0', () => {
    expect(nudgeFor(0.5, 0, DEFAULT.tolerance)).toBeUndefined();
    expect(nudgeFor(0, 0.5, DEFAULT.tolerance)).toBeUndefined();
    expect(checkAnswer('0.5', 0, DEFAULT).message).toBe('Not quite. Try again.');
  });

  it('reports an expected value that is not a number, without blaming the reader', () => {
    for (const expected of [NaN, Infinity, -Infinity]) {
      const result = checkAnswer('0.5', expected, DEFAULT);
      expect(result.kind).toBe('unavailable');
      expect(result.message).not.toMatch(/NaN|Infinity/);
    }
  });

  it('uses a relative tolerance for answers of any size', () => {
    const rel: AnswerSpec = {
      precision: { kind: 'figures', figures: 3 },
      tolerance: { absolute: 0, relative: 0.01 },
    };
    expect(kindOf(checkAnswer('3.52e-5', 3.5e-5, rel))).toBe('correct');
    expect(kindOf(checkAnswer('3.6e-5', 3.5e-5, rel))).toBe('wrong');
    expect(kindOf(checkAnswer('0', 3.5e-5, rel))).toBe('wrong');
    expect(kindOf(checkAnswer('10100', 10000, rel))).toBe('correct');
    // An absolute tolerance would have accepted 0 for a tiny answer.
    expect(kindOf(checkAnswer('0', 3.5e-5, DEFAULT))).toBe('correct');
    expect(checkAnswer('3.52e-5', 3.5123e-5, rel).message).toBe(
      'Correct: the answer is 0.0000351 for the values on this page.',
    );
  });
});

describe('checkAnswer() properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const positive = fc.double({ noNaN: true, min: 1e-9, max: 10 });

  it('never throws and always has a message, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), finite, (input, expected) => {
        const result = checkAnswer(input, expected, DEFAULT, { hasHint: true });
        expect(['empty', 'invalid', 'correct', 'wrong']).toContain(result.kind);
        expect(result.message.length).toBeGreaterThan(0);
        expect(result.message).not.toMatch(/NaN|undefined|Infinity/);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('is correct exactly when the typed number is within the tolerance', () => {
    fc.assert(
      fc.property(finite, finite, positive, (value, expected, tolerance) => {
        const distance = Math.abs(value - expected);
        // Away from the boundary, where binary rounding cannot decide.
        fc.pre(Math.abs(distance - tolerance) > 1e-6 * Math.max(tolerance, Math.abs(expected)));
        const result = checkAnswer(String(value), expected, decimals(tolerance));
        expect(result.kind).toBe(distance <= tolerance ? 'correct' : 'wrong');
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('accepts any number within the tolerance as typed to 12 significant digits', () => {
    fc.assert(
      fc.property(finite, fc.double({ min: -0.99, max: 0.99, noNaN: true }), (expected, t) => {
        const tolerance = 1e-3;
        const typed = (expected + t * tolerance).toPrecision(12);
        expect(checkAnswer(typed, expected, decimals(tolerance)).kind).toBe('correct');
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('checkAnswer() never contradicts itself', () => {
  /** Props an author could write, as resolveAnswerSpec accepts them (any valid combination). */
  const props = fc
    .record(
      {
        digits: fc.integer({ min: 0, max: 8 }),
        significant: fc.integer({ min: 1, max: 8 }),
        tolerance: fc.double({ min: 1e-9, max: 1, noNaN: true }),
        relative: fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
      },
      { requiredKeys: [] },
    )
    .filter((p) => !(p.digits !== undefined && p.significant !== undefined));
  /** Specs from those props; combinations the build refuses (too tight) are skipped. */
  const specs = props.chain((p) => {
    try {
      return fc.constant(resolveAnswerSpec(p, (prop) => prop));
    } catch {
      return fc.constant(DEFAULT);
    }
  });
  const magnitudes = fc.integer({ min: -9, max: 4 });
  const values = fc
    .tuple(fc.double({ min: 1, max: 10, noNaN: true }), magnitudes, fc.boolean())
    .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e);
  const shownOf = (expected: number, spec: AnswerSpec): string => {
    const result = checkAnswer(String(expected), expected, spec);
    if (result.kind !== 'correct') throw new Error(`the exact value was rejected: ${expected}`);
    return result.shown;
  };

  it('accepts the value a right answer’s message shows, as typed from the message', () => {
    fc.assert(
      fc.property(values, specs, (expected, spec) => {
        const shown = shownOf(expected, spec);
        expect(checkAnswer(shown, expected, spec).kind).toBe('correct');
        expect(checkAnswer(shown, expected, spec).message).toContain(` is ${shown} for`);
        expect(shown).not.toMatch(/e|NaN|Infinity|^-0\.?0*$/);
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it('never rejects an answer that equals the value shown as right', () => {
    // Readers type the exact value rounded to some number of places, or to the value shown.
    fc.assert(
      fc.property(values, specs, fc.integer({ min: 0, max: 12 }), (expected, spec, places) => {
        const shown = shownOf(expected, spec);
        for (const typed of [expected.toFixed(places), expected.toPrecision(places + 1)]) {
          const result = checkAnswer(typed, expected, spec);
          if (result.kind === 'wrong') expect(Number(typed)).not.toBe(Number(shown));
          else expect(result.kind).toBe('correct');
        }
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it('accepts every answer correct to the precision the exercise states', () => {
    fc.assert(
      fc.property(values, specs, (expected, spec) => {
        const { precision } = spec;
        const typed =
          precision.kind === 'decimals'
            ? expected.toFixed(precision.digits)
            : expected.toPrecision(precision.figures);
        expect(checkAnswer(typed, expected, spec).kind).toBe('correct');
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it('shows 0.000498 as 0.0004980, which is accepted (issue 9: it showed 0.0005, rejected)', () => {
    // The old chapter's ∂E/∂w3 exercise: relative={0.001} and 4 decimals shown.
    const spec = resolveAnswerSpec({ relative: 0.001 }, (prop) => prop);
    const result = checkAnswer('0.000498', 0.000498, spec);
    expect(result).toMatchObject({ kind: 'correct', shown: '0.0004980' });
    expect(checkAnswer('0.0005', 0.000498, spec).kind).toBe('wrong');
    expect(checkAnswer('0.0004980', 0.000498, spec).kind).toBe('correct');
  });
});

describe('saved progress', () => {
  it('round-trips through serializeProgress and readProgress', () => {
    const progress = { solved: true, attempts: 3, lastAnswer: '0,0827' };
    expect(readProgress(serializeProgress(progress))).toEqual(progress);
    expect(readProgress(serializeProgress(NO_PROGRESS))).toEqual(NO_PROGRESS);
  });

  it('treats missing, corrupt or foreign data as no progress', () => {
    for (const raw of [null, undefined, '', '{', 'null', '[]', '"solved"', '42', 'true']) {
      expect(readProgress(raw)).toEqual(NO_PROGRESS);
    }
  });

  it('ignores each field that is not what we write', () => {
    expect(readProgress('{"solved":"yes","attempts":2,"lastAnswer":"0.1"}')).toEqual({
      solved: false,
      attempts: 2,
      lastAnswer: '0.1',
    });
    for (const attempts of ['-1', '2.5', '"3"', '1e300', 'null']) {
      expect(readProgress(`{"solved":true,"attempts":${attempts}}`)).toEqual({
        solved: true,
        attempts: 0,
        lastAnswer: '',
      });
    }
    expect(readProgress(JSON.stringify({ lastAnswer: 'x'.repeat(101) })).lastAnswer).toBe('');
    expect(readProgress('{"__proto__":{"solved":true}}')).toEqual(NO_PROGRESS);
  });

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ solved: value, attempts: value })),
        ),
        (raw) => {
          const progress = readProgress(raw);
          expect(typeof progress.solved).toBe('boolean');
          expect(Number.isInteger(progress.attempts) && progress.attempts >= 0).toBe(true);
          expect(typeof progress.lastAnswer).toBe('string');
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('counts every checked number, keeps the last one, and stays solved once solved', () => {
    let progress = recordAttempt(NO_PROGRESS, ' 0.3 ', false);
    expect(progress).toEqual({ solved: false, attempts: 1, lastAnswer: '0.3' });
    progress = recordAttempt(progress, '0.0827', true);
    expect(progress).toEqual({ solved: true, attempts: 2, lastAnswer: '0.0827' });
    progress = recordAttempt(progress, '5', false);
    expect(progress).toEqual({ solved: true, attempts: 3, lastAnswer: '5' });
  });
});

describe('storage keys', () => {
  it('keys progress by page path and id', () => {
    expect(storageKey('/how-to-read/', 'de-dw6')).toBe(
      'backprop-live:exercise:/how-to-read/:de-dw6',
    );
    expect(storageKey('/chapters/backprop/', 'x')).not.toBe(storageKey('/chapters/training/', 'x'));
  });

  it('drops the base path and index.html, and always ends with a slash', () => {
    expect(pagePath('/how-to-read/')).toBe('/how-to-read/');
    expect(pagePath('/how-to-read')).toBe('/how-to-read/');
    expect(pagePath('/ml101/how-to-read/', '/ml101/')).toBe('/how-to-read/');
    expect(pagePath('/ml101/how-to-read/index.html', '/ml101')).toBe('/how-to-read/');
    expect(pagePath('/ml101/', '/ml101/')).toBe('/');
    expect(pagePath('/ml101', '/ml101/')).toBe('/');
    expect(pagePath('/ml1010/x/', '/ml101/')).toBe('/ml1010/x/');
    expect(pagePath('/', '/')).toBe('/');
    // Progress is shared across languages.
    expect(pagePath('/zh-cn/how-to-read/')).toBe('/how-to-read/');
    expect(pagePath('/ml101/zh-cn/chapters/neuron/', '/ml101/')).toBe('/chapters/neuron/');
    expect(pagePath('/zh-cnx/how-to-read/')).toBe('/zh-cnx/how-to-read/');
  });
});

describe('prop checks', () => {
  const at = 'content/docs/x.mdx: <Exercise id>';

  it('accepts ids of lower-case letters, digits and dashes', () => {
    for (const id of ['de-dw6', 'a', '1', 'net-h2-by-hand']) {
      expect(resolveExerciseId(id, at)).toBe(id);
    }
  });

  it('rejects other ids, naming the file and prop', () => {
    for (const id of [
      '',
      'dE-dw6',
      'a_b',
      '-a',
      'a-',
      'a--b',
      'a b',
      'x'.repeat(65),
      5,
      undefined,
    ]) {
      expect(() => resolveExerciseId(id, at)).toThrow(AuthoringError);
    }
    expect(() => resolveExerciseId('dE', at)).toThrow(
      'content/docs/x.mdx: <Exercise id>="dE" must be lower-case letters, digits and dashes',
    );
  });

  it('checks tolerances: a number above 0, and below 1 for a relative one', () => {
    expect(resolvePositive(undefined, at)).toBeUndefined();
    expect(resolvePositive(0.001, at)).toBe(0.001);
    expect(resolvePositive(0.05, at, true)).toBe(0.05);
    for (const bad of [0, -1, NaN, Infinity, '0.001', null]) {
      expect(() => resolvePositive(bad, at)).toThrow(AuthoringError);
    }
    expect(() => resolvePositive(1, at, true)).toThrow(/between 0 and 1/);
    expect(() => resolvePositive('0.001', at)).toThrow(
      'content/docs/x.mdx: <Exercise id>="0.001" (text) must be a number above 0, written in braces.',
    );
  });

  it('numbers exercises per page and refuses a repeated id', () => {
    const page = {};
    expect(claimExerciseId(page, 'a', at)).toBe(1);
    expect(claimExerciseId(page, 'b', at)).toBe(2);
    expect(() => claimExerciseId(page, 'a', at)).toThrow(/"a" is used twice on this page/);
    expect(claimExerciseId({}, 'a', at)).toBe(1);
  });
});

describe('multiple-choice options', () => {
  const at = 'content/docs/x.mdx: <Exercise id>="why"';
  const option = (mark: string) => `<div class="exercise__choice" data-choice="${mark}">…</div>`;

  it('counts the options and the correct ones in the rendered HTML', () => {
    const html = [option('wrong'), option('correct'), option('wrong')].join('\n');
    expect(countChoices(html)).toEqual({ options: 3, correct: 1 });
    expect(countChoices('')).toEqual({ options: 0, correct: 0 });
    expect(countChoices('<p>data-choice is a word here</p>')).toEqual({ options: 0, correct: 0 });
  });

  it('accepts two or more options with exactly one correct', () => {
    expect(() => checkChoices({ options: 2, correct: 1 }, at)).not.toThrow();
    expect(() => checkChoices({ options: 5, correct: 1 }, at)).not.toThrow();
  });

  it('refuses no answer, one option, or other than one correct, saying what to write', () => {
    expect(() => checkChoices({ options: 0, correct: 0 }, at)).toThrow(
      'content/docs/x.mdx: <Exercise id>="why" has no answer: give it answer="model.value" for a number, or two or more <Choice> options',
    );
    expect(() => checkChoices({ options: 1, correct: 1 }, at)).toThrow(/has only one option/);
    expect(() => checkChoices({ options: 3, correct: 0 }, at)).toThrow(
      /has 0 options marked correct among 3: mark exactly one/,
    );
    expect(() => checkChoices({ options: 3, correct: 2 }, at)).toThrow(AuthoringError);
  });
});
