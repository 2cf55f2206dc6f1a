import { describe, expect, test } from 'vitest';
import { DepthRun, gradientFlow } from '../../engine/diagnostics.ts';
import { createNetwork } from '../../engine/network.ts';
import { defaultValues } from '../model.ts';
import depth, { DEPTH_BATCH, depthOptions } from './depth.ts';

type Params = Parameters<typeof depthOptions>[0] & { steps: number };
const defaults = defaultValues(depth) as unknown as Params;
const flow = (p: Params) => depth.groups!['flow']!.derive(p) as Record<string, unknown>;
const train = (p: Params) => depth.groups!['train']!.derive(p) as Record<string, unknown>;

describe('the depth model', () => {
  test('the figure’s options: the chosen init, the batch of 32, clipping only when on', () => {
    expect(depthOptions(defaults)).toEqual({
      depth: 20,
      width: 16,
      activation: 'sigmoid',
      init: { kind: 'scale', scale: 1 },
      seed: 1,
      batchSize: DEPTH_BATCH,
      residual: false,
      batchNorm: false,
      eta: 0.03,
    });
    expect(depthOptions({ ...defaults, init: 'he', clip: true, clipAt: 2 })).toMatchObject({
      init: 'he',
      clip: 2,
    });
  });

  test('flow: the engine’s norms, and orders = log10(last/first)', () => {
    const f = flow(defaults);
    const r = gradientFlow(depthOptions(defaults));
    expect(Array.from(f['norms'] as Float64Array)).toEqual(r.weightGradNorms);
    expect(f['orders']).toBeCloseTo(Math.log10(r.weightGradNorms[19]! / r.weightGradNorms[0]!), 12);
    expect(f['orders'] as number).toBeGreaterThan(5);
  });

  test('train: the engine’s run, trained on when steps rise, from scratch when they fall', () => {
    const at = (steps: number) => train({ ...defaults, act: 'tanh', init: 'xavier', steps });
    const straight = new DepthRun(depthOptions({ ...defaults, act: 'tanh', init: 'xavier' }));
    straight.to(200);
    expect(Array.from(at(100)['losses'] as Float64Array)).toHaveLength(101);
    expect(Array.from(at(200)['losses'] as Float64Array)).toEqual(Array.from(straight.losses));
    // a run never goes back: fewer steps start again, and agree with the straight run
    expect(Array.from(at(50)['losses'] as Float64Array)).toEqual(
      Array.from(straight.losses).slice(0, 51),
    );
    expect(at(200)['endLoss'] as number).toBeLessThan(at(200)['startLoss'] as number);
  });

  test('paramCount counts the stack and the readout', () => {
    const p = { ...defaults, layers: 3, width: 4 };
    const net = createNetwork({ sizes: [4, 4, 4, 4, 1] });
    expect(depth.values.derive(p as never)['paramCount']).toBe(net.paramCount);
  });
});
