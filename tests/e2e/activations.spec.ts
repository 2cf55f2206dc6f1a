import { expect, goLive, recordTexts, settled, test, watchNetwork, type Page } from './fixtures.ts';

// Chapter 2, activation functions: the explorer, the tanh identity and the properties table.
// Each check recomputes here, from the definitions the chapter states, independently of the
// engine (the table's moments by a plain trapezoidal rule on a fine grid, not Simpson's).
const PAGE = '/chapters/activations/';

/** Each activation and its slope, written out from their definitions. */
const F: Record<string, (x: number, a: number, alpha: number) => [number, number]> = {
  sigmoid: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return [s, s * (1 - s)];
  },
  tanh: (x) => [Math.tanh(x), 1 - Math.tanh(x) ** 2],
  relu: (x) => (x > 0 ? [x, 1] : [0, 0]),
  'leaky-relu': (x, a) => (x > 0 ? [x, 1] : [a * x, a]),
  elu: (x, _, alpha) => (x > 0 ? [x, 1] : [alpha * (Math.exp(x) - 1), alpha * Math.exp(x)]),
};

/** Mean and variance of f(X) for X ~ N(mu, sd²): trapezoids on 400,001 points over ±12 sd. */
function moments(f: (x: number) => number, mu: number, sd: number): [number, number] {
  const n = 400_000;
  const lo = mu - 12 * sd;
  const h = (24 * sd) / n;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + i * h;
    const w = (i === 0 || i === n ? 0.5 : 1) * Math.exp(-0.5 * ((x - mu) / sd) ** 2);
    const y = f(x);
    m0 += w;
    m1 += w * y;
    m2 += w * y * y;
  }
  const mean = m1 / m0;
  return [mean, m2 / m0 - mean * mean];
}

/** A read-out's unrounded value, once every read-out shows its value (settled()). */
const raw = async (page: Page, ref: string): Promise<number> => {
  await settled(page);
  return Number(
    await page.locator(`[data-value="activations.${ref}"]`).first().getAttribute('data-raw'),
  );
};
const spin = (page: Page, name: string) =>
  page.locator(`[role="spinbutton"][data-param="activations.${name}"]`).first();
const explorer = (page: Page) => page.locator('activation-explorer');
const figure = (page: Page) => explorer(page).getByRole('img');

test('the explorer reads f and f′ at x for each activation, and redraws its figure', async ({
  page,
}) => {
  const network = watchNetwork(page);
  await page.goto(PAGE);
  // The build's figure: sigmoid at x = 2, named with its values.
  await expect(figure(page)).toHaveAccessibleName(
    'sigmoid σ (solid) and its slope (dashed) for x from −4 to 4. At x = 2.0, f(x) = 0.8808 and f′(x) = 0.1050.',
  );
  await goLive(page);
  expect(network.urls.filter((url) => /plot-lib/.test(url))).toEqual([]);

  const select = explorer(page).getByRole('combobox', { name: 'activation function' });
  await spin(page, 'x').fill('-1.5');
  await spin(page, 'leak').fill('0.2');
  await spin(page, 'alpha').fill('2');
  for (const option of ['tanh', 'relu', 'leaky-relu', 'elu', 'sigmoid']) {
    const before = await figure(page).locator('path').last().getAttribute('d');
    await select.selectOption(option);
    const [f, slope] = F[option]!(-1.5, 0.2, 2);
    expect(await raw(page, 'fx'), option).toBeCloseTo(f, 12);
    expect(await raw(page, 'dfx'), option).toBeCloseTo(slope, 12);
    // The figure follows, once Plot has loaded: a new curve, and a name with the new values.
    await expect(figure(page)).toHaveAccessibleName(
      new RegExp(`At x = −1\\.5, f\\(x\\) = ${f.toFixed(4).replace('-', '−')} `),
    );
    expect(await figure(page).locator('path').last().getAttribute('d')).not.toBe(before);
  }
  expect(network.urls.filter((url) => /plot-lib/.test(url))).toHaveLength(1);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('the keyboard steps x, and pointing at the figure moves x to the input under the pointer', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'x').focus();
  await page.keyboard.press('ArrowUp');
  await expect(spin(page, 'x')).toHaveValue('2.1');
  expect(await raw(page, 'fx')).toBeCloseTo(F['sigmoid']!(2.1, 0, 0)[0], 12);
  // The figure is redrawn (a new <svg>) once Plot has loaded: wait for it before measuring it.
  await expect(figure(page)).toHaveAccessibleName(/At x = 2\.1,/);

  // The frame runs from x = −4 at 40 px to x = 4 at 320 − 16 px of the figure's own width.
  const svg = figure(page);
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  const scale = box.width / 320;
  const at = (x: number) => box.x + (40 + ((x + 4) / 8) * (320 - 40 - 16)) * scale;
  await page.mouse.move(at(-1), box.y + box.height / 2);
  await expect(spin(page, 'x')).toHaveValue('-1.0');
  expect(await raw(page, 'dfx')).toBeCloseTo(F['sigmoid']!(-1, 0, 0)[1], 12);
  await page.mouse.move(at(3.2), box.y + box.height / 3);
  await expect(spin(page, 'x')).toHaveValue('3.2');
  // Past the frame's edge, x stops at the end of the axis.
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await expect(spin(page, 'x')).toHaveValue('-4.0');
  // The URL keeps it, for a shared link.
  await expect(page).toHaveURL(/activations\.x=-4/);
});

test('stepping x from the keyboard says x, f(x) and f′(x) once, when the reader stops', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const status = explorer(page).getByRole('status');
  const said = await recordTexts(status);
  await spin(page, 'x').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const [f, slope] = F['sigmoid']!(1.7, 0, 0);
  await expect(status).toHaveText(
    `At x = 1.7: f(x) = ${f.toFixed(4)}, f′(x) = ${slope.toFixed(4)}.`,
  );
  expect(await said()).toHaveLength(1);
});

test('a shared link draws the figure for its own activation and x, not the starting one', async ({
  page,
}) => {
  await page.goto(`${PAGE}?activations.act=elu&activations.x=-1.2&activations.alpha=2`);
  const [f, slope] = F['elu']!(-1.2, 0, 2);
  await expect(figure(page)).toHaveAccessibleName(
    `ELU (solid) and its slope (dashed) for x from −4 to 4. At x = −1.2, f(x) = ${f.toFixed(4).replace('-', '−')} and f′(x) = ${slope.toFixed(4)}.`,
  );
  await expect(explorer(page).locator('.explorer__plot')).not.toHaveAttribute('aria-busy');
});

test('tanh and 2σ(2x) − 1 are computed separately and agree, at any x', async ({ page }) => {
  await page.goto(`${PAGE}?activations.x=-2.7`);
  await goLive(page);
  const sig2x = 1 / (1 + Math.exp(5.4));
  expect(await raw(page, 'sig2x')).toBeCloseTo(sig2x, 14);
  expect(await raw(page, 'tanhViaSigmoid')).toBeCloseTo(Math.tanh(-2.7), 14);
  expect(await raw(page, 'tanhx')).toBeCloseTo(Math.tanh(-2.7), 14);
  expect(await raw(page, 'tanhGap')).toBeLessThan(1e-15);
  await expect(page.locator('live-value[data-value="activations.tanhx"]').first()).toHaveText(
    Math.tanh(-2.7).toFixed(6),
  );
});

test('the properties table gives each output mean and variance for the input mean and spread the reader sets', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const rows = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'relu', leaky: 'leaky-relu', elu: 'elu' };
  const check = async (mu: number, sd: number, a: number, alpha: number) => {
    for (const [row, option] of Object.entries(rows)) {
      const [mean, variance] = moments((x) => F[option]!(x, a, alpha)[0], mu, sd);
      // Both integrals are good to far better than the four significant digits printed.
      const close = (got: number, want: number) =>
        Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
      const gotMean = await raw(page, `mean_${row}`);
      const gotVariance = await raw(page, `var_${row}`);
      expect(close(gotMean, mean), `${row} mean ${gotMean} against ${mean} at μ = ${mu}`).toBe(
        true,
      );
      expect(
        close(gotVariance, variance),
        `${row} variance ${gotVariance} against ${variance} at μ = ${mu}`,
      ).toBe(true);
    }
  };
  // The starting values: a standard normal input, a = 0.1, α = 1.
  await check(0, 1, 0.1, 1);
  // Printed to four significant digits: ReLU's 1/√(2π) and leaky ReLU's (1 − a)/√(2π).
  const table = page.locator('table').filter({ hasText: 'output variance' });
  await expect(table.locator('[data-value="activations.mean_relu"]')).toHaveText('0.3989');
  await expect(table.locator('[data-value="activations.mean_leaky"]')).toHaveText(
    (0.9 / Math.sqrt(2 * Math.PI)).toPrecision(4),
  );
  await expect(table.locator('[data-value="activations.mean_tanh"]')).toHaveText('0');

  // A shifted, wider input, and other a and α: every cell follows.
  await spin(page, 'mu').fill('-0.8');
  await spin(page, 'sd').fill('1.7');
  await spin(page, 'leak').fill('0.3');
  await spin(page, 'alpha').fill('2.5');
  await check(-0.8, 1.7, 0.3, 2.5);
  await expect(table.locator('.live-math[data-value="activations.eluMin"]')).toHaveText('−2.5');
  await expect(table.locator('[data-value="activations.maxd_elu"]')).toHaveText('2.5');
  // tanh's mean is no longer zero: centring is a property of the input too.
  expect(await raw(page, 'mean_tanh')).toBeLessThan(-0.1);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('the ReLU exercise accepts Φ(−μ/s) for the reader’s μ and s, at the precision it states', async ({
  page,
}) => {
  await page.goto(`${PAGE}?activations-exercise.mu=-0.7&activations-exercise.sd=2`);
  await goLive(page);
  const [zeros] = moments((x) => (x <= 0 ? 1 : 0), -0.7, 2);
  const exercise = page.locator('[data-exercise="relu-zeros"]');
  await exercise.locator('[data-exercise-input]').fill(zeros.toFixed(3));
  await exercise.locator('[data-action="exercise.check"]').click();
  await expect(exercise.getByRole('status')).toContainText(/correct/i);
  await exercise.locator('[data-exercise-input]').fill((zeros + 0.02).toFixed(3));
  await exercise.locator('[data-action="exercise.check"]').click();
  await expect(exercise.getByRole('status')).not.toContainText(/^correct/i);
});

/** Full-batch gradient descent on E = ½·mean((t − f(wx + b))²), written out independently. */
function descend(act: string, steps: number, eta = 0.5, leak = 0.1, alpha = 1) {
  const data = [
    [2, 1.5],
    [1, 0.5],
  ] as const;
  let [w, b] = [0.5, -3];
  for (let s = 0; s < steps; s++) {
    let gw = 0;
    let gb = 0;
    for (const [x, t] of data) {
      const [a, slope] = F[act]!(w * x + b, leak, alpha);
      gw += (-(t - a) * slope * x) / data.length;
      gb += (-(t - a) * slope) / data.length;
    }
    [w, b] = [w - eta * gw, b - eta * gb];
  }
  return { w, b };
}

test('a dead ReLU unit does not move under training; the leaky copy from the same start recovers', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  // A read-out far from the screen is written once the edits (here, the training's) pause.
  const value = async (ref: string) => {
    await settled(page);
    return Number(await page.locator(`[data-value="${ref}"]`).first().getAttribute('data-raw'));
  };
  const panel = (model: string) => page.locator(`live-training[data-model="${model}"]`);
  // Two panels on one page: each is a named group, so its controls say whose they are.
  await expect(page.getByRole('group', { name: 'Training the ReLU copy' })).toHaveAttribute(
    'data-model',
    'dying',
  );
  await expect(
    page
      .getByRole('group', { name: 'Training the second copy' })
      .getByRole('button', { name: /^Train/ }),
  ).toHaveCount(1);
  // Dead: no input switches it on, and both gradients are exactly zero.
  expect(await value('dying.active')).toBe(0);
  expect([await value('dying.dE_dw'), await value('dying.dE_db')]).toEqual([0, 0]);
  await panel('dying').locator('[data-action="dying.train"]').click();
  await expect(panel('dying').locator('.training__status')).toHaveText(
    /^Trained 200 steps: E went from 0\.6250 to 0\.6250\.$/,
    { timeout: 15_000 },
  );
  const field = (ref: string) =>
    page.locator(`[role="spinbutton"][data-param="${ref}"]`).first().getAttribute('aria-valuenow');
  expect([await field('dying.w'), await field('dying.b')]).toEqual(['0.5', '-3']);

  // Leaky, from the same start: after 200 steps both inputs switch it on, as descend() finds.
  expect(await value('dying-leaky.dE_db')).toBeLessThan(0);
  await panel('dying-leaky').locator('[data-action="dying-leaky.train"]').click();
  await expect(panel('dying-leaky').locator('.training__status')).toHaveText(/^Trained 200 steps/, {
    timeout: 15_000,
  });
  const want = descend('leaky-relu', 200);
  expect(await value('dying-leaky.w')).toBeCloseTo(want.w, 9);
  expect(await value('dying-leaky.b')).toBeCloseTo(want.b, 9);
  expect(await value('dying-leaky.active')).toBe(2);
  expect(await value('dying-leaky.E')).toBeLessThan(0.001);

  // ELU recovers too.
  await page.getByRole('combobox', { name: 'activation of the second copy' }).selectOption('elu');
  await panel('dying-leaky').locator('[data-action="dying-leaky.reset"]').click();
  await expect.poll(() => value('dying-leaky.b')).toBe(-3);
  await page.getByRole('combobox', { name: 'activation of the second copy' }).selectOption('elu');
  await panel('dying-leaky').locator('[data-action="dying-leaky.train"]').click();
  await expect(panel('dying-leaky').locator('.training__status')).toHaveText(/^Trained 200 steps/, {
    timeout: 15_000,
  });
  const elu = descend('elu', 200);
  expect(await value('dying-leaky.w')).toBeCloseTo(elu.w, 9);
  expect(await value('dying-leaky.b')).toBeCloseTo(elu.b, 9);
  expect(await value('dying-leaky.b')).toBeGreaterThan(-1);
});

test('at 360 px the explorer and the table fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(PAGE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const box = (await explorer(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // The figure's text is drawn at least 11 px tall on screen.
  const smallest = await figure(page).evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    return scale * parseFloat(getComputedStyle(svg).fontSize);
  });
  expect(smallest).toBeGreaterThanOrEqual(11);
});

test('typing 0.3 into a field whose minimum is 0.01 says nothing on the way; 0 and Enter does', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const leak = spin(page, 'leak');
  const message = page.locator(`#${await leak.getAttribute('aria-describedby')}`);
  await leak.fill('');
  // "0" is below the minimum for a moment, on the way to "0.3": no mistake, and nothing said.
  await leak.pressSequentially('0');
  await expect(leak).toHaveAttribute('aria-valuenow', '0.01');
  await expect(message).toBeHidden();
  await leak.pressSequentially('.3');
  await leak.press('Enter');
  await expect(leak).toHaveAttribute('aria-valuenow', '0.3');
  await expect(message).toBeHidden();
  // Committed, the same 0 is clamped and the reader is told.
  await leak.fill('0');
  await leak.press('Enter');
  await expect(message).toContainText('0 is below the minimum 0.01, so 0.01 is used.');
});
