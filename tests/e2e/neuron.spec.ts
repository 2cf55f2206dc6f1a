import { expect, goLive, settled, test, type Page } from './fixtures.ts';

// Chapter 1, the neuron: the reader edits the inputs, weights, bias and activation, and every
// number follows. Each check recomputes the neuron here, from the formulas the chapter states,
// independently of the engine.
const PAGE = '/chapters/neuron/';

/** Each activation and its slope, written out from their definitions. */
const F: Record<string, (z: number, leak: number, alpha: number) => [number, number]> = {
  sigmoid: (z) => {
    const s = 1 / (1 + Math.exp(-z));
    return [s, s * (1 - s)];
  },
  tanh: (z) => [Math.tanh(z), 1 - Math.tanh(z) ** 2],
  relu: (z) => (z > 0 ? [z, 1] : [0, 0]),
  'leaky-relu': (z, leak) => (z > 0 ? [z, 1] : [leak * z, leak]),
  elu: (z, _, alpha) => (z > 0 ? [z, 1] : [alpha * (Math.exp(z) - 1), alpha * Math.exp(z)]),
};

interface Neuron {
  x: [number, number, number];
  w: [number, number, number];
  b: number;
  act: string;
  leak?: number;
  alpha?: number;
}

function neuron({ x, w, b, act, leak = 0.01, alpha = 1 }: Neuron) {
  const z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
  const [a, slope] = F[act]!(z, leak, alpha);
  return {
    z,
    a,
    dadz: slope,
    dadw1: slope * x[0],
    dadw2: slope * x[1],
    dadw3: slope * x[2],
    dadb: slope,
    dadx2: slope * w[1],
  };
}

/** A read-out's unrounded value, once every read-out shows its value (settled()). */
const raw = async (page: Page, ref: string): Promise<number> => {
  await settled(page);
  return Number(await page.locator(`[data-value="${ref}"]`).first().getAttribute('data-raw'));
};
const spin = (page: Page, ref: string) =>
  page.locator(`[role="spinbutton"][data-param="neuron.${ref}"]`).first();
/** A value as the worked formulas show it (typeset, with − for minus). */
const shown = (page: Page, ref: string) =>
  page.locator(`.katex [data-value="neuron.${ref}"]`).first();
/** A value as a table or the diagram shows it, in text. */
const inText = (page: Page, ref: string) =>
  page.locator(`live-value[data-value="neuron.${ref}"]`).first();

async function setAll(page: Page, n: Neuron): Promise<void> {
  for (const [i, name] of ['x1', 'x2', 'x3'].entries()) await spin(page, name).fill(String(n.x[i]));
  for (const [i, name] of ['w1', 'w2', 'w3'].entries()) await spin(page, name).fill(String(n.w[i]));
  await spin(page, 'b').fill(String(n.b));
  await page.getByRole('combobox', { name: 'activation function' }).selectOption(n.act);
}

test('every number follows the inputs, weights, bias and activation the reader sets', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const values = [
    { x: [1.5, -2, 0.3], w: [0.7, -1.2, 2.5], b: -0.4, act: 'tanh' },
    { x: [-1, 0.5, 1], w: [0.3, 0.3, -0.9], b: 0.2, act: 'relu' },
    { x: [-1, 0.5, 1], w: [0.3, 0.3, -0.9], b: 0.2, act: 'leaky-relu' },
    { x: [2, 1, -3], w: [-0.5, 0.1, 0.4], b: 1.1, act: 'elu' },
    { x: [4, -4, 0.1], w: [1, 1, 1], b: -5, act: 'sigmoid' },
  ] satisfies Neuron[];
  for (const n of values) {
    await test.step(`${n.act} at x = ${n.x.join(', ')}`, async () => {
      await setAll(page, n);
      const want = neuron(n);
      for (const [name, value] of Object.entries(want)) {
        expect(await raw(page, `neuron.${name}`), name).toBeCloseTo(value, 12);
      }
      // What the reader sees: z to 2 decimals, the output and the derivatives to 4.
      await expect(shown(page, 'z')).toHaveText(want.z.toFixed(2).replace('-', '−'));
      await expect(shown(page, 'dadw2')).toHaveText(
        (Math.abs(want.dadw2) < 5e-5 ? 0 : want.dadw2).toFixed(4).replace('-', '−'),
      );
    });
  }
});

test('with every input positive, all three weight gradients take one sign; a negative z stops a ReLU neuron', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  // The starting values: x2 is negative, and its weight's gradient is the only negative one.
  const signs = async () =>
    Promise.all(
      ['dadw1', 'dadw2', 'dadw3'].map(async (d) => Math.sign(await raw(page, `neuron.${d}`))),
    );
  expect(await signs()).toEqual([1, -1, 1]);
  await spin(page, 'x2').fill('0.5');
  await expect.poll(signs).toEqual([1, 1, 1]);
  // The weights do not enter: flipping one leaves every sign.
  await spin(page, 'w3').fill('1.5');
  await expect.poll(signs).toEqual([1, 1, 1]);

  await page.getByRole('combobox', { name: 'activation function' }).selectOption('relu');
  await spin(page, 'b').fill('-5');
  expect(await raw(page, 'neuron.z')).toBeLessThan(0);
  for (const d of ['dadw1', 'dadw2', 'dadw3', 'dadb', 'a']) {
    expect(await raw(page, `neuron.${d}`), d).toBe(0);
  }
  await expect(shown(page, 'dadw1')).toHaveText('0.0000');
});

test('the table gives each activation at the neuron’s z, with the leaky slope and ELU α from a link', async ({
  page,
}) => {
  await page.goto(`${PAGE}?neuron.b=-1&neuron.leak=0.2&neuron.alpha=2`);
  await goLive(page);
  const z = 0.9 * 1 + 0.4 * -0.5 + -0.2 * 2 + -1; // the starting inputs and weights
  expect(await raw(page, 'neuron.z')).toBeCloseTo(z, 12);
  const names = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'relu', leaky: 'leaky-relu', elu: 'elu' };
  for (const [name, option] of Object.entries(names)) {
    const [f, slope] = F[option]!(z, 0.2, 2);
    expect(await raw(page, `neuron.f_${name}`), name).toBeCloseTo(f, 12);
    expect(await raw(page, `neuron.df_${name}`), name).toBeCloseTo(slope, 12);
  }
  // (A read-out in prose keeps the keyboard's minus sign; in math it is typeset as −.)
  await expect(inText(page, 'f_elu')).toHaveText((2 * (Math.exp(z) - 1)).toFixed(4));
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('the diagram is a named figure: Tab goes x1, w1, x2, w2, x3, w3, b, and its z and a follow its fields', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const diagram = page.getByRole('figure', { name: /^A neuron with three inputs/ });
  await expect(diagram).toBeVisible();
  const order: string[] = [];
  await diagram.getByRole('spinbutton', { name: 'input x1' }).focus();
  for (let i = 0; i < 7; i++) {
    order.push(
      (await page.evaluate(() => document.activeElement?.getAttribute('data-param'))) ?? '',
    );
    await page.keyboard.press('Tab');
  }
  expect(order).toEqual(['x1', 'w1', 'x2', 'w2', 'x3', 'w3', 'b'].map((p) => `neuron.${p}`));

  await diagram.getByRole('spinbutton', { name: 'weight w3' }).fill('1.5');
  await diagram.getByRole('spinbutton', { name: 'bias b' }).fill('-0.6');
  const want = neuron({ x: [1, -0.5, 2], w: [0.9, 0.4, 1.5], b: -0.6, act: 'sigmoid' });
  await expect(diagram.locator('[data-value="neuron.z"]')).toHaveText(want.z.toFixed(2));
  await expect(diagram.locator('[data-value="neuron.a"]')).toHaveText(want.a.toFixed(4));
  // The same parameter in the prose follows the diagram's field.
  await expect(spin(page, 'w3')).toHaveValue('1.5');
});

test('at 360 px the diagram fits the screen, with every field 24 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(PAGE);
  const diagram = page.getByRole('figure', { name: /^A neuron with three inputs/ });
  const box = (await diagram.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const fields = await diagram
    .getByRole('spinbutton')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  expect(fields).toHaveLength(7);
  for (const field of fields) {
    expect(field.height).toBeGreaterThanOrEqual(24);
    expect(field.right).toBeLessThanOrEqual(360);
  }
  // No two fields overlap.
  for (const [i, a] of fields.entries()) {
    for (const b of fields.slice(i + 1)) {
      const apart =
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart).toBe(true);
    }
  }
});
