import { describe, expect, it } from 'vitest';
import {
  MAZUR_PARAM_INDEX,
  Trainer,
  mazur,
  mazurNetwork,
  mazurToNetwork,
  mazurParams,
} from '../../engine/index.ts';
import { expectClose } from '../../engine/test-utils.ts';
import { defaultValues } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import {
  TrainingRun,
  runTraining as runModel,
  sampleSteps,
  settingsOf as settingsOfModel,
  outputLines,
  stepOnce as stepModel,
  tableRows,
  trainOf,
  trainingProblems,
  type TrainingSettings,
} from './model.ts';
import {
  formatError,
  listWords,
  outputsSummary,
  progressText,
  runSummary,
  tableCaption,
} from './words.ts';
import { nameParts } from './names.ts';

const defaults = defaultValues(mazurModel);
const published = mazur.published;
/** The post's eight weights, which mazurModel.train lists in its order. */
const WEIGHT_NAMES = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;

// The panel's functions on the worked example's model.
type Values = Parameters<typeof stepModel>[1];
const settingsOf = (values: Values) => settingsOfModel(mazurModel, values);
const stepOnce = (values: Values, settings?: Partial<TrainingSettings>) =>
  stepModel(mazurModel, values, settings);
const runTraining = (values: Values, settings?: Partial<TrainingSettings>) =>
  runModel(mazurModel, values, settings);
const newRun = (values: Values, settings?: Partial<TrainingSettings>) =>
  new TrainingRun(mazurModel, values, settings);

/** Every step's loss of an N-step run, straight from the engine, plus the loss after the last. */
function engineLosses(steps: number, update: 'simultaneous' | 'inPlace' = 'simultaneous') {
  const { params, inputs, targets } = mazurToNetwork(mazurParams);
  const trainer = new Trainer(
    mazurNetwork(),
    params,
    { inputs: [inputs], targets: [targets] },
    {
      eta: 0.5,
      update,
    },
  );
  return [...trainer.run(steps).losses, trainer.loss()];
}

describe('settingsOf()', () => {
  it('reads η, N and the update order from the live model', () => {
    expect(settingsOf(defaults)).toEqual({ eta: 0.5, steps: 10000, order: 'simultaneous' });
    expect(settingsOf({ ...defaults, inPlace: true }).order).toBe('inPlace');
  });

  it('names a missing value', () => {
    expect(() => settingsOf({ eta: 0.5 })).toThrow('"steps"');
  });

  it('reads them by the names the model gives in train.settings', () => {
    const train = trainOf(mazurModel);
    const renamed = { ...mazurModel, train: { ...train, settings: { eta: 'w5', steps: 'w6' } } };
    expect(settingsOfModel(renamed, { ...defaults, inPlace: true })).toEqual({
      eta: 0.4,
      steps: 0,
      order: 'simultaneous',
    });
  });
});

describe("mazurModel's train declaration", () => {
  it("trains w1..w8 at the engine's indices, with b1 and b2 frozen", () => {
    const train = trainOf(mazurModel);
    expect(train.weights).toEqual(
      Object.fromEntries(WEIGHT_NAMES.map((w) => [w, MAZUR_PARAM_INDEX[w]])),
    );
    expect(train.setup(defaults).net.trainBiases).toBe(false);
    const step = stepOnce(defaults);
    const next = train.setup({ ...defaults, ...step.to.weights });
    // Writing the new weights back and setting up again gives the trainer's vector: the biases
    // at their defaults, every weight where the step put it.
    expect(next.params[MAZUR_PARAM_INDEX.b1]).toBe(mazurParams.b1);
    expect(next.params[MAZUR_PARAM_INDEX.b2]).toBe(mazurParams.b2);
    expect(trainingProblems(mazurModel, defaults)).toEqual([]);
  });

  it('gives the table its rows, w1..w8 then E', () => {
    const rows = tableRows(trainOf(mazurModel), stepOnce(defaults));
    expect(rows.map((r) => r.key)).toEqual([...WEIGHT_NAMES, 'E']);
    expect(rows[4]).toMatchObject({ key: 'w5', label: 'w5', from: 0.4 });
  });
});

describe('stepOnce()', () => {
  it("gives Mazur's updated weights after one simultaneous step from the defaults", () => {
    const step = stepOnce(defaults);
    expect(step.to.weights['w5']!.toFixed(8)).toBe(published.w5_new.toFixed(8));
    expect(step.to.weights['w1']!.toFixed(9)).toBe(published.w1_new.toFixed(9));
    expect(Object.keys(step.to.weights)).toEqual(WEIGHT_NAMES);
    for (const w of WEIGHT_NAMES) {
      // The post prints 8 or 9 digits: agree to half a unit of the last.
      expectClose(step.to.weights[w]!, published[`${w}_new`], 5e-9);
      expect(step.from.weights[w]).toBe(mazurParams[w]);
    }
    expect(step.from.E.toFixed(9)).toBe(published.E.toFixed(9));
    expect(step.to.E.toFixed(9)).toBe('0.291027774');
    expect(step.steps).toBe(1);
  });

  it("agrees with the model's derived w_new and E_new (the engine's gradientStep)", () => {
    const derived = mazurModel.values.derive(defaults);
    const step = stepOnce({ ...defaults, eta: 1.3, w5: -0.7 });
    const other = mazurModel.values.derive({ ...defaults, eta: 1.3, w5: -0.7 });
    for (const w of WEIGHT_NAMES) expect(step.to.weights[w]).toBe(other[`${w}_new`]);
    expect(step.to.E).toBe(other['E_new']);
    expect(stepOnce(defaults).to.weights.w8).toBe(derived['w8_new']);
  });

  it("gives Mazur's first-round error 0.291027924 under the in-place order", () => {
    const step = stepOnce({ ...defaults, inPlace: true });
    expect(step.settings.order).toBe('inPlace');
    expect(step.to.E.toFixed(9)).toBe(published.errorAfterFirstRound.toFixed(9));
    // The output layer is updated first, with the same gradient, so w5..w8 agree with the
    // simultaneous step; the hidden layer's gradients go through the new w5..w8 and differ.
    const sim = stepOnce(defaults);
    expect(step.to.weights.w5).toBe(sim.to.weights.w5);
    expect(step.to.weights.w1).not.toBe(sim.to.weights.w1);
  });

  it('does not modify the values it is given', () => {
    const values = { ...defaults };
    stepOnce(values);
    expect(values).toEqual(defaults);
  });
});

describe('sampleSteps()', () => {
  it('keeps every step of a short run', () => {
    expect(sampleSteps(3)).toEqual([0, 1, 2, 3]);
    expect(sampleSteps(0)).toEqual([0]);
  });

  it('keeps the first and last step, ascending and unique, at most maxPoints', () => {
    for (const [total, max] of [
      [10000, 400],
      [100000, 400],
      [401, 400],
      [777, 50],
    ] as const) {
      const steps = sampleSteps(total, max);
      expect(steps[0]).toBe(0);
      expect(steps.at(-1)).toBe(total);
      expect(steps.length).toBeLessThanOrEqual(max);
      expect(steps.length).toBeGreaterThan(max * 0.75);
      for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    }
  });

  it('samples the first steps densely (log spacing) and the rest evenly', () => {
    const steps = sampleSteps(10000);
    expect(steps.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(steps.filter((s) => s <= 100).length).toBeGreaterThan(30);
  });

  it('rejects a bad total or maxPoints', () => {
    expect(() => sampleSteps(-1)).toThrow();
    expect(() => sampleSteps(10, 1)).toThrow();
  });
});

describe('runTraining()', () => {
  const { points, change } = runTraining(defaults);

  it('samples the engine’s own loss history, first and last step included', () => {
    const losses = engineLosses(10000);
    expect(points[0]).toMatchObject({ step: 0, E: losses[0] });
    expect(points.at(-1)!.step).toBe(10000);
    for (const p of points) expect(p.E, `step ${p.step}`).toBe(losses[p.step]);
    expect(points.length).toBeLessThanOrEqual(400);
  });

  it('lowers the error monotonically at η = 0.5 over 10,000 steps, to below 1e-4', () => {
    const losses = engineLosses(10000);
    for (let s = 1; s < losses.length; s++)
      expect(losses[s]!, `step ${s}`).toBeLessThan(losses[s - 1]!);
    for (let i = 1; i < points.length; i++) expect(points[i]!.E).toBeLessThan(points[i - 1]!.E);
    expect(change.to.E).toBeLessThan(1e-4);
  });

  it('ends near the targets with the textbook rule: E ≈ 0.0000351, outputs near 0.015914 and 0.984064', () => {
    expect(change.to.E.toExponential(5)).toBe('3.51019e-5');
    expectClose(change.to.outputs[0]!, 0.0159136204, 5e-11);
    expectClose(change.to.outputs[1]!, 0.9840642735, 5e-11);
    expectClose([change.from.E, change.from.outputs[0]!], [published.E, published.out_o1], 5e-9);
  });

  it("follows the chosen settings: the in-place order ends exactly at the post's printed figures", () => {
    const inPlace = runTraining({ ...defaults, inPlace: true }).change;
    expect(inPlace.to.E.toFixed(9)).toBe(published.errorAfter10000Rounds.toFixed(9));
    expect(inPlace.to.outputs[0]!.toFixed(9)).toBe(published.out_o1After10000Rounds.toFixed(9));
    expect(inPlace.to.outputs[1]!.toFixed(9)).toBe(published.out_o2After10000Rounds.toFixed(9));
    // The textbook rule does not print them.
    expect(change.to.outputs[0]!.toFixed(9)).not.toBe(published.out_o1After10000Rounds.toFixed(9));
  });
});

describe('TrainingRun', () => {
  it('gives the same points and weights however the run is sliced', () => {
    const whole = runTraining(defaults, { steps: 3000 });
    const run = newRun(defaults, { steps: 3000 });
    for (const slice of [1, 7, 500, 1, 10000]) run.advance(slice);
    expect(run.done).toBe(true);
    expect(run.points).toEqual(whole.points);
    expect(run.change()).toEqual(whole.change);
  });

  it('never runs past its total and reports how many steps it ran', () => {
    const run = newRun(defaults, { steps: 10 });
    expect(run.advance(4)).toBe(4);
    expect(run.advance(100)).toBe(6);
    expect(run.advance(5)).toBe(0);
    expect(run.step).toBe(10);
  });
});

describe('the words', () => {
  const { change } = runTraining(defaults);

  it('say what Train would do, what it did, and how far it is', () => {
    expect(runSummary('preview', change)).toBe(
      'Training 10,000 steps at η = 0.50 would take the error E from 0.2984 to 0.0000351.',
    );
    expect(runSummary('run', change)).toBe(
      'Trained 10,000 steps: E went from 0.2984 to 0.0000351.',
    );
    expect(progressText(4200, 10000, 0.000131)).toBe('Step 4,200 of 10,000 — E = 0.000131');
    expect([0.298371109, 0.0123, 0.00131, 3.51e-5, NaN].map(formatError)).toEqual([
      '0.2984',
      '0.0123',
      '0.00131',
      '0.0000351',
      '—',
    ]);
  });

  it('name the outputs as the model does, out_o1 aiming at t1, and write them as the chapter does', () => {
    expect(outputsSummary(change, outputLines(trainOf(mazurModel), defaults))).toBe(
      'After 10,000 steps, out_o1 = 0.0159 (target t1 = 0.0100) and out_o2 = 0.9841 (target t2 = 0.9900); they started at 0.7514 and 0.7729.',
    );
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a'])).toBe('a');
    expect(['out_o1', 't1', 'E', 'y_hat', 'w10'].map(nameParts)).toEqual([
      { base: 'out', sub: 'o1' },
      { base: 't', sub: '1' },
      { base: 'E', sub: '' },
      { base: 'y', sub: 'hat' },
      { base: 'w', sub: '10' },
    ]);
  });

  it('caption the table by what it shows', () => {
    expect(tableCaption('preview', stepOnce(defaults))).toBe(
      'What one step from the current weights would do (η = 0.50, simultaneous update)',
    );
    expect(tableCaption('step', stepOnce({ ...defaults, inPlace: true }))).toContain('in-place');
    const run = newRun(defaults);
    run.advance(4200);
    // The same step as the progress line, "Step 4,200 of 10,000 — E = …".
    expect(tableCaption('running', run.change())).toBe(
      'The run so far, at step 4,200 of 10,000 (η = 0.50, simultaneous update)',
    );
  });
});
