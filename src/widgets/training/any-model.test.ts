/**
 * The training panel on a model other than the worked example: a test-only 1-3-1 network (tanh
 * hidden layer, linear output, a bias per neuron, all trained) fitting four points of a sine,
 * with one output and no update-order setting. Nothing here knows Mazur's names.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  biasIndex,
  createNetwork,
  evaluateLoss,
  forward,
  gradientStep,
  train as engineTrain,
  weightIndex,
  type Network,
} from '../../engine/index.ts';
import { AuthoringError, pageModels } from '../../live/authoring.ts';
import { defaultValues, defineModel, type NumberParam, type ParamsOf } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import { neuronModel } from '../../live/models/neuron.ts';
import { trainingPanel } from './build.ts';
import { outputsDomain, outputsPlot } from './loss-plot.ts';
import { runTraining, stepOnce, trainingProblems, type TrainingPoint } from './model.ts';
import { outputsSummary } from './words.ts';

const X = [-1.5, -0.5, 0.5, 1.5];
const sineNet = (): Network =>
  createNetwork({ sizes: [1, 3, 1], activation: ['tanh', 'identity'], bias: 'perNeuron' });
const NET = sineNet();

const number = (label: string, value: number): NumberParam => ({
  label,
  default: value,
  min: -5,
  max: 5,
  step: 0.01,
});

/** Every trainable name with its index in the flat vector, from the engine's own layout. */
const WEIGHTS = {
  a1: weightIndex(NET, 1, 0, 0),
  a2: weightIndex(NET, 1, 1, 0),
  a3: weightIndex(NET, 1, 2, 0),
  c1: biasIndex(NET, 1, 0),
  c2: biasIndex(NET, 1, 1),
  c3: biasIndex(NET, 1, 2),
  v1: weightIndex(NET, 2, 0, 0),
  v2: weightIndex(NET, 2, 0, 1),
  v3: weightIndex(NET, 2, 0, 2),
  d: biasIndex(NET, 2, 0),
} as const;

const params = {
  a1: number('weight a1', 0.5),
  a2: number('weight a2', -0.3),
  a3: number('weight a3', 0.8),
  c1: number('bias c1', 0.1),
  c2: number('bias c2', -0.2),
  c3: number('bias c3', 0.05),
  v1: number('weight v1', 0.4),
  v2: number('weight v2', 0.6),
  v3: number('weight v3', -0.5),
  d: number('bias d', 0),
  ...Object.fromEntries(X.map((x, i) => [`t${i + 1}`, number(`target at x = ${x}`, Math.sin(x))])),
  eta: { label: 'learning rate η', default: 0.1, min: 0.01, max: 5, step: 0.01 },
  steps: { label: 'steps N', default: 2000, min: 1, max: 100000, step: 1 },
} as const satisfies Record<string, NumberParam>;

type Values = ParamsOf<typeof params>;

function setup(p: Values) {
  const flat = new Float64Array(NET.paramCount);
  for (const [name, index] of Object.entries(WEIGHTS)) flat[index] = p[name as keyof Values];
  const targets = X.map((_, i) => [p[`t${i + 1}` as keyof Values]]);
  return { net: sineNet(), params: flat, data: { inputs: X.map((x) => [x]), targets } };
}

const sineModel = defineModel({
  name: 'sinefit',
  params,
  values: {
    numbers: ['y1', 'y2', 'y3', 'y4', 'E'],
    derive(p) {
      const { net, params: flat, data } = setup(p);
      const ys = data.inputs.map((x) => forward(net, flat, x).outputs[0] ?? NaN);
      return {
        ...Object.fromEntries(ys.map((y, i) => [`y${i + 1}`, y])),
        E: evaluateLoss(net, flat, data.inputs, data.targets),
      };
    },
  },
  train: {
    setup,
    weights: WEIGHTS,
    outputs: [{ value: 'y1', target: 't1' }],
    loss: 'E',
    settings: { eta: 'eta', steps: 'steps' },
  },
});

const defaults = defaultValues(sineModel);
const models = { mazur: mazurModel, neuron: neuronModel, sinefit: sineModel };
const WHERE = 'content/docs/x.mdx: <Training model>';

describe('the panel on a second model (1-3-1 fitting a sine)', () => {
  it('finds nothing wrong with its train declaration', () => {
    expect(trainingProblems(sineModel, defaults)).toEqual([]);
  });

  it('runTraining() lowers its error tenfold, with the engine’s own losses', () => {
    const { points, change } = runTraining(sineModel, defaults);
    expect(change.settings).toEqual({ eta: 0.1, steps: 2000, order: 'simultaneous' });
    expect(change.to.E).toBeLessThan(change.from.E / 10);
    const { net, params: flat, data } = setup(defaults);
    const engine = engineTrain(net, flat, data, 2000, { eta: 0.1 });
    for (const p of points.slice(0, -1)) expect(p.E, `step ${p.step}`).toBe(engine.losses[p.step]);
    expect(change.to.E).toBe(engine.finalLoss);
    // Every trainable parameter moved, the biases included (this network trains them).
    for (const name of Object.keys(WEIGHTS)) {
      expect(change.to.weights[name], name).toBe(engine.params[WEIGHTS[name as 'd']]);
      expect(change.to.weights[name], name).not.toBe(change.from.weights[name]);
    }
  });

  it("stepOnce() equals the engine's gradientStep on all four points, in either order", () => {
    const { net, params: flat, data } = setup(defaults);
    for (const order of ['simultaneous', 'inPlace'] as const) {
      const step = stepOnce(sineModel, defaults, { order });
      const engine = gradientStep(net, flat, data.inputs, data.targets, {
        eta: 0.1,
        update: order,
      });
      for (const [name, index] of Object.entries(WEIGHTS))
        expect(step.to.weights[name], `${order} ${name}`).toBe(engine.params[index]);
      expect(step.from.E).toBe(engine.loss);
      expect(step.to.E).toBe(evaluateLoss(net, engine.params, data.inputs, data.targets));
    }
  });

  it("reports the first example's output, as the model's y1 shows it", () => {
    const step = stepOnce(sineModel, defaults);
    const derived = sineModel.values.derive(defaults);
    expect(step.from.outputs).toEqual([derived['y1']]);
    expect(step.to.outputs).toEqual([
      sineModel.values.derive({ ...defaults, ...step.to.weights })['y1'],
    ]);
  });
});

describe("Training.astro's build-time pieces (trainingPanel) on the second model", () => {
  it('take the table rows from train.weights and the outputs from train.outputs', () => {
    const panel = trainingPanel('sinefit', WHERE, {}, models);
    expect(panel.rows.map((r) => r.key)).toEqual([...Object.keys(WEIGHTS), 'E']);
    expect(panel.rows[0]).toMatchObject({ key: 'a1', from: 0.5, to: panel.step.to.weights['a1'] });
    expect(panel.outputs).toEqual([{ name: 'y1', targetName: 't1', target: Math.sin(-1.5) }]);
    expect(panel.train.settings.inPlace).toBeUndefined();
    expect(outputsSummary(panel.run, panel.outputs)).toMatch(
      /^After 2,000 steps, y1 = -?\d\.\d{4} \(target t1 = -0\.9975\); it started at -?\d\.\d{4}\.$/,
    );
  });

  it("start from the page's own values for the instance", () => {
    const page = pageModels({ 'sinefit-slow': { eta: 0.02, a1: 1 } }, 'x.mdx', models);
    const panel = trainingPanel('sinefit-slow', WHERE, page, models);
    expect(panel.settings.eta).toBe(0.02);
    expect(panel.step.from.weights['a1']).toBe(1);
    expect(panel.run.to.E).toBe(
      runTraining(sineModel, { ...defaults, eta: 0.02, a1: 1 }).change.to.E,
    );
  });

  it('refuse a model without train, naming the file, the prop and the models that can', () => {
    expect(() => trainingPanel('neuron', WHERE, {}, models)).toThrow(AuthoringError);
    expect(() => trainingPanel('neuron', WHERE, {}, models)).toThrow(
      `${WHERE}="neuron": model "neuron" cannot be trained, because its spec declares no train (see src/live/trainable.ts). Models that can: "mazur", "sinefit".`,
    );
    expect(() => trainingPanel('nosuch', WHERE, {}, models)).toThrow(/there is no model "nosuch"/);
  });

  it('refuse a train declaration that does not fit its model', () => {
    const broken = defineModel({
      ...sineModel,
      train: {
        setup,
        weights: { ...WEIGHTS, a1: WEIGHTS.a2, eta: 0 },
        outputs: [{ value: 'E2', target: 'y1' }],
        loss: 'curve',
        settings: { eta: 'eta', steps: 'steps', inPlace: 'eta' },
      },
    });
    const problems = trainingProblems(broken, defaults);
    expect(problems).toEqual([
      'train.weights.a1: setup() puts -0.3 at index 1, not its value 0.5',
      'train.weights.eta: setup() puts 0.5 at index 0, not its value 0.1',
      'train.outputs[0].value "E2" is not a derived number',
      'train.outputs[0].target "y1" is not a number parameter',
      'train.loss "curve" is not a derived number',
      'train.settings.inPlace "eta" is not a boolean parameter',
    ]);
    expect(() => trainingPanel('sinefit', WHERE, {}, { sinefit: broken })).toThrow(
      `${WHERE}="sinefit": model "sinefit" declares its training wrongly: train.weights.a1`,
    );
  });
});

describe('the outputs figure for one output outside [0, 1]', () => {
  const { points } = runTraining(sineModel, defaults);
  const outputs = trainingPanel('sinefit', WHERE, {}, models).outputs;

  it('draws one line with its dashed target, in the first colour, labelled by the model', () => {
    const doc = parseHTML('<!doctype html><html><body></body></html>').document;
    const svg = outputsPlot(Plot, doc, points, outputs, { steps: 2000 });
    expect(svg.querySelectorAll('[data-mark="line"] path')).toHaveLength(1);
    expect(svg.querySelectorAll('[data-mark="rule"]')).toHaveLength(1);
    expect(svg.querySelector('[data-mark="rule"]')?.getAttribute('stroke-dasharray')).toBe('4 3');
    expect(svg.querySelector('[data-mark="line"]')?.getAttribute('stroke')).toBe(
      'var(--training-o1)',
    );
    expect(svg.textContent).toContain('y1, t1 = -0.9974949866040544');
    expect(svg.getAttribute('aria-label')).toMatch(
      /^Outputs over 2,000 steps: y1 goes from -?\d\.\d{4} to -?\d\.\d{4} \(target -0\.997\d+\)\.$/,
    );
  });

  it('widens its y axis to the outputs and targets, and keeps [0, 1] for a sigmoid', () => {
    const [lo, hi] = outputsDomain(points, outputs);
    expect(lo).toBeLessThan(Math.sin(-1.5));
    expect(hi).toBeGreaterThanOrEqual(1);
    const inside: TrainingPoint[] = [{ step: 0, E: 0.1, outputs: [0.2, 0.7] }];
    expect(outputsDomain(inside, [{ name: 'o', targetName: 't', target: 0.01 }])).toEqual([0, 1]);
  });
});
