import { describe, expect, it } from 'vitest';
import { createNetwork, forward } from './network.ts';
import { initParams } from './init.ts';
import { predict } from './predict.ts';

const net = createNetwork({ sizes: [2, 3, 2], activation: ['tanh', 'identity'] });
const params = initParams(net, { seed: 7 });
const inputs = [
  [0.1, -0.4],
  [1.5, 2],
  [-3, 0],
];

describe('predict()', () => {
  it('gives, for every input at once, what forward() gives for each', () => {
    const { outputs, layers } = predict(net, params, inputs, { layers: true });
    inputs.forEach((x, i) => {
      const one = forward(net, params, x);
      expect(Array.from(outputs.subarray(2 * i, 2 * i + 2))).toEqual(one.outputs);
      expect(Array.from(layers[1]!.subarray(3 * i, 3 * i + 3))).toEqual(one.outs[1]);
      expect(Array.from(layers[0]!.subarray(2 * i, 2 * i + 2))).toEqual(one.outs[0]);
    });
  });

  it('leaves the layers out unless asked, and takes no inputs too', () => {
    expect(predict(net, params, inputs).layers).toEqual([]);
    expect(predict(net, params, []).outputs).toHaveLength(0);
  });

  it('says which input is wrong', () => {
    expect(() => predict(net, params, [[1, 2], [3]])).toThrow('inputs[1] must have 2 numbers');
    expect(() => predict(net, params, [[1, NaN]])).toThrow(
      'inputs[0][1] must be a finite number, got NaN',
    );
  });
});
