/**
 * The course's running example, Matt Mazur's 2-2-2 sigmoid network ("A Step by Step
 * Backpropagation Example", 2015), as a live model. The defaults are his numbers
 * (src/engine/mazur.ts); every derived value comes from the engine.
 */
import {
  mazurNetwork,
  mazurParams,
  mazurToNetwork,
  mazurWorkedExample,
  type MazurParams,
} from '../../engine/mazur.ts';
import { Trainer } from '../../engine/train.ts';
import { defineModel, type ParamSpec } from '../model.ts';

const weight = (k: number, from: string, to: string): ParamSpec => ({
  label: `weight w${k}, from ${from} to ${to}`,
  default: mazurParams[`w${k}` as keyof MazurParams],
  min: -5,
  max: 5,
  step: 0.01,
});

export const mazurModel = defineModel({
  name: 'mazur',
  params: {
    i1: { label: 'input i1', default: mazurParams.i1, min: -5, max: 5, step: 0.01 },
    i2: { label: 'input i2', default: mazurParams.i2, min: -5, max: 5, step: 0.01 },
    w1: weight(1, 'i1', 'h1'),
    w2: weight(2, 'i2', 'h1'),
    w3: weight(3, 'i1', 'h2'),
    w4: weight(4, 'i2', 'h2'),
    w5: weight(5, 'h1', 'o1'),
    w6: weight(6, 'h2', 'o1'),
    w7: weight(7, 'h1', 'o2'),
    w8: weight(8, 'h2', 'o2'),
    b1: { label: 'hidden-layer bias b1', default: mazurParams.b1, min: -5, max: 5, step: 0.01 },
    b2: { label: 'output-layer bias b2', default: mazurParams.b2, min: -5, max: 5, step: 0.01 },
    // Targets of a sigmoid output must lie in [0, 1].
    t1: { label: 'target t1', default: mazurParams.t1, min: 0, max: 1, step: 0.01 },
    t2: { label: 'target t2', default: mazurParams.t2, min: 0, max: 1, step: 0.01 },
    eta: { label: 'learning rate η', default: 0.5, min: 0.01, max: 5, step: 0.01 },
    /** How many gradient steps "Train" runs. */
    steps: { label: 'number of training steps N', default: 10000, min: 1, max: 100000, step: 1 },
    /** 1: update the output layer first and backpropagate through the new weights (see mazur.ts). */
    inPlace: { label: 'in-place update order', default: 0, min: 0, max: 1, step: 1 },
  },
  groups: {
    /**
     * The error after 1, 9,999 and 10,000 steps under both update orders, from the current
     * values: what the chapter compares with the totals printed in Mazur's post.
     */
    orders(p) {
      const net = mazurNetwork();
      const { params, inputs, targets } = mazurToNetwork(p as unknown as MazurParams);
      const data = { inputs: [inputs], targets: [targets] };
      const out: Record<string, number> = {};
      for (const [key, update] of [
        ['sim', 'simultaneous'],
        ['inplace', 'inPlace'],
      ] as const) {
        const trainer = new Trainer(net, params, data, {
          eta: p['eta'] ?? 0.5,
          update,
          recordLoss: false,
        });
        trainer.run(1);
        out[`E_after1_${key}`] = trainer.loss();
        trainer.run(9998);
        out[`E_after9999_${key}`] = trainer.loss();
        trainer.run(1);
        out[`E_after10000_${key}`] = trainer.loss();
      }
      return out;
    },
  },
  derive(p) {
    const { eta, steps: _steps, inPlace: _inPlace, ...named } = p;
    const derived = mazurWorkedExample(named as unknown as MazurParams, eta);
    // mazurWorkedExample echoes its inputs; the model keeps parameters and derived values apart.
    for (const name of Object.keys(p)) delete derived[name];
    return derived;
  },
});
