/**
 * Benchmark (not a test): 10,000 full-batch gradient steps of Mazur's worked example
 * (η = 0.5, biases frozen, simultaneous updates) four ways:
 *   reference: a hand-unrolled scalar loop, the speed of light for this network;
 *   engine:    src/engine's general network (any shape) through its Trainer: the one forward
 *              and backward pass every page uses;
 *   graph:     src/engine's scalar graph, micrograd style (build graph, reverse pass, step);
 *   tfjs:      @tensorflow/tfjs on its CPU backend (float32), tf.train.sgd + minimize.
 * Each is timed as the median of several runs after warm-up; tfjs is slow, so it gets fewer.
 * Prints a table, then, as its last line, one JSON object with the figures.
 *
 * Run with `node scripts/bench.ts` (Node ≥ 23.6 strips the types).
 */
import { performance } from 'node:perf_hooks';
import {
  Trainer,
  buildMazurGraph,
  mazur,
  mazurGraphStep,
  mazurNetwork,
  mazurToNetwork,
} from '../src/engine/index.ts';
import type { MazurParams } from '../src/engine/index.ts';

const STEPS = 10_000;
const ETA = mazur.eta;

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** (a) Hand-unrolled scalar loop: every weight a local, the textbook simultaneous rule. */
function reference(steps: number): number {
  const p = mazur.params;
  let [w1, w2, w3, w4, w5, w6, w7, w8] = [p.w1, p.w2, p.w3, p.w4, p.w5, p.w6, p.w7, p.w8];
  const { i1, i2, b1, b2, t1, t2 } = p;
  const s = (x: number) => 1 / (1 + Math.exp(-x));
  for (let k = 0; k < steps; k++) {
    const h1 = s(w1 * i1 + w2 * i2 + b1);
    const h2 = s(w3 * i1 + w4 * i2 + b1);
    const o1 = s(w5 * h1 + w6 * h2 + b2);
    const o2 = s(w7 * h1 + w8 * h2 + b2);
    const d1 = (o1 - t1) * o1 * (1 - o1);
    const d2 = (o2 - t2) * o2 * (1 - o2);
    const dh1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1);
    const dh2 = (d1 * w6 + d2 * w8) * h2 * (1 - h2);
    w5 -= ETA * d1 * h1;
    w6 -= ETA * d1 * h2;
    w7 -= ETA * d2 * h1;
    w8 -= ETA * d2 * h2;
    w1 -= ETA * dh1 * i1;
    w2 -= ETA * dh1 * i2;
    w3 -= ETA * dh2 * i1;
    w4 -= ETA * dh2 * i2;
  }
  const h1 = s(w1 * i1 + w2 * i2 + b1);
  const h2 = s(w3 * i1 + w4 * i2 + b1);
  const o1 = s(w5 * h1 + w6 * h2 + b2);
  const o2 = s(w7 * h1 + w8 * h2 + b2);
  return 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
}

/** (b) The general engine: a Trainer without loss history, then the final loss. */
const net = mazurNetwork();
const example = mazurToNetwork(mazur.params);
const data = { inputs: [example.inputs], targets: [example.targets] };
function engine(steps: number): number {
  const trainer = new Trainer(net, example.params, data, { eta: ETA, recordLoss: false });
  trainer.run(steps);
  return trainer.loss();
}

/** (c) The scalar graph engine, one fresh graph per step. */
function graph(steps: number): number {
  let p: MazurParams = mazur.params;
  for (let k = 0; k < steps; k++) p = mazurGraphStep(p, ETA).params;
  const { graph: g, ids } = buildMazurGraph(p);
  return g.value(ids.E);
}

/** (d) TensorFlow.js, CPU backend. */
async function loadTf() {
  const tf = await import('@tensorflow/tfjs');
  // Production mode skips tfjs's debug checks and silences its "install tfjs-node" hint.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
type Tf = Awaited<ReturnType<typeof loadTf>>;

function tfjs(tf: Tf, steps: number): number {
  const p = mazur.params;
  // W^(l) as n_l × n_{l−1}, the engine's layout; z = a·Wᵀ + b for a row vector a.
  const W1 = tf.variable(
    tf.tensor2d([
      [p.w1, p.w2],
      [p.w3, p.w4],
    ]),
  );
  const W2 = tf.variable(
    tf.tensor2d([
      [p.w5, p.w6],
      [p.w7, p.w8],
    ]),
  );
  const x = tf.tensor2d([[p.i1, p.i2]]);
  const t = tf.tensor2d([[p.t1, p.t2]]);
  const b1 = tf.scalar(p.b1);
  const b2 = tf.scalar(p.b2);
  const loss = (): ReturnType<typeof tf.scalar> => {
    const h = tf.sigmoid(tf.add(tf.matMul(x, W1, false, true), b1));
    const o = tf.sigmoid(tf.add(tf.matMul(h, W2, false, true), b2));
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(t, o))));
  };
  const opt = tf.train.sgd(ETA);
  for (let k = 0; k < steps; k++) tf.tidy(() => void opt.minimize(loss));
  const final = tf.tidy(loss);
  const value = final.dataSync()[0]!;
  tf.dispose([W1, W2, x, t, b1, b2, final]);
  opt.dispose();
  return value;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `fn(STEPS)` `warmups` times untimed, then `runs` times timed; median ms and result. */
function time(fn: (steps: number) => number, warmups: number, runs: number) {
  let result = NaN;
  for (let i = 0; i < warmups; i++) result = fn(STEPS);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn(STEPS);
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), runs, result };
}

const tf = await loadTf();
const results = {
  reference: time(reference, 20, 51),
  engine: time(engine, 20, 51),
  graph: time(graph, 2, 7),
  // tfjs: one short warm-up run of 500 steps, then only 5 timed runs (each takes seconds).
  tfjs: (() => {
    tfjs(tf, 500);
    return time((steps) => tfjs(tf, steps), 0, 5);
  })(),
};

const ref = results.reference;
const eng = results.engine;
const fmt = (x: number, d = 3) => x.toFixed(d).padStart(10);
print(`Backprop Live engine bench: ${STEPS} full-batch steps of Mazur's 2-2-2 example, η = ${ETA}`);
print(`Node ${process.version}; medians after warm-up\n`);
print('implementation        runs   median ms   × reference   × engine     final error');
for (const [name, r] of Object.entries(results)) {
  print(
    `${name.padEnd(20)} ${String(r.runs).padStart(5)} ${fmt(r.ms)} ${fmt(r.ms / ref.ms, 2)}    ${fmt(r.ms / eng.ms, 1)}    ${r.result.toExponential(9)}`,
  );
}

// Agreement: reference, engine and graph are all float64 and should agree to rounding; tfjs
// computes in float32, so only to about 1e-5 relative after 10,000 steps.
const rel = (x: number) => Math.abs(x - eng.result) / Math.abs(eng.result);
print('\nagreement with the engine (relative difference of the final error):');
print(`  reference ${rel(ref.result).toExponential(2)}  (float64, want < 1e-9)`);
print(`  graph     ${rel(results.graph.result).toExponential(2)}  (float64, want < 1e-9)`);
print(`  tfjs      ${rel(results.tfjs.result).toExponential(2)}  (float32, want < 1e-4)`);
const agree =
  rel(ref.result) < 1e-9 && rel(results.graph.result) < 1e-9 && rel(results.tfjs.result) < 1e-4;
print(`  ${agree ? 'all four agree' : 'DISAGREEMENT'}`);

print('\ngoals:');
const goal = (label: string, ok: boolean) => print(`  ${ok ? 'met    ' : 'MISSED '} ${label}`);
goal(`engine within 1.5× of reference (${(eng.ms / ref.ms).toFixed(2)}×)`, eng.ms <= 1.5 * ref.ms);
// Until 2026-12-03 a fused one-sample path served this benchmark, at 2.37–2.40× the reference
// (1.88–1.92 ms against 0.78–0.81 ms, same machine). The one backward pass that replaced it,
// which also serves batches, residual connections and batch normalisation, must stay within 10%.
const FUSED_RATIO = 2.4;
goal(
  `engine within 10% of the fused path it replaced (${(eng.ms / ref.ms / FUSED_RATIO).toFixed(2)}× its ${FUSED_RATIO}× of reference)`,
  eng.ms / ref.ms <= 1.1 * FUSED_RATIO,
);
goal(
  `engine ≥ 30× faster than graph (${(results.graph.ms / eng.ms).toFixed(0)}×)`,
  results.graph.ms >= 30 * eng.ms,
);
goal(
  `engine ≥ 1000× faster than tfjs (${(results.tfjs.ms / eng.ms).toFixed(0)}×)`,
  results.tfjs.ms >= 1000 * eng.ms,
);

print(
  JSON.stringify({
    reference_ms: Number(ref.ms.toFixed(4)),
    engine_ms: Number(eng.ms.toFixed(4)),
    graph_ms: Number(results.graph.ms.toFixed(2)),
    tfjs_ms: Number(results.tfjs.ms.toFixed(1)),
    final_error: eng.result,
  }),
);
