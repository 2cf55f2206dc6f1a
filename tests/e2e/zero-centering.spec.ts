import { expect, goLive, recordTexts, test, watchNetwork, type Page } from './fixtures.ts';
import { zigzagData, type InputKind } from '../../src/engine/zigzag.ts';

// Chapter 3, why zero-centred outputs matter: the zig-zag figure. The test takes the examples
// from the engine (they are the experiment's input, drawn from a seeded generator), and descends
// on them itself, with the update rule the chapter states, to check every count the page shows.
const PAGE = '/chapters/zero-centering/';
const TARGET = [1, -1] as const;

interface Settings {
  readonly w0: number;
  readonly w1: number;
  readonly eta: number;
  readonly batch: boolean;
  readonly steps: number;
  readonly epsilon: number;
}
const START: Settings = { w0: 0, w1: 0, eta: 0.5, batch: false, steps: 2000, epsilon: 0.05 };

/** Steps until within ε of w* (0 if the start is), or what happened instead. */
function descend(
  kind: InputKind,
  s: Settings,
): { steps: number; how: 'arrived' | 'diverged' | 'out' } {
  const { xs, ys, n } = zigzagData(kind, TARGET);
  let [w0, w1] = [s.w0, s.w1];
  const near = () => Math.hypot(w0 - TARGET[0], w1 - TARGET[1]) <= s.epsilon;
  if (near()) return { steps: 0, how: 'arrived' };
  for (let k = 0; k < s.steps; k++) {
    const examples = s.batch ? [...Array(n).keys()] : [k % n];
    let [g0, g1] = [0, 0];
    for (const i of examples) {
      const error = ys[i]! - w0 * xs[2 * i]! - w1 * xs[2 * i + 1]!;
      g0 -= (error * xs[2 * i]!) / examples.length;
      g1 -= (error * xs[2 * i + 1]!) / examples.length;
    }
    w0 -= s.eta * g0;
    w1 -= s.eta * g1;
    if (near()) return { steps: k + 1, how: 'arrived' };
    if (!(Math.abs(w0) < 1e6 && Math.abs(w1) < 1e6)) return { steps: k + 1, how: 'diverged' };
  }
  return { steps: s.steps, how: 'out' };
}

/** What a panel's summary starts with, for a descent of `kind` with settings `s`. */
function result(kind: InputKind, s: Settings): string {
  const r = descend(kind, s);
  const count = `${r.steps.toLocaleString('en-US')} step${r.steps === 1 ? '' : 's'}`;
  if (r.how === 'arrived') return `Within ε = ${s.epsilon} of the optimum after ${count}.`;
  if (r.how === 'diverged') return `Diverges: after ${count} a weight has passed a million.`;
  return `Not within ε = ${s.epsilon} of the optimum after ${count}.`;
}

const widget = (page: Page) => page.locator('zigzag-descent');
const panel = (page: Page, side: 'left' | 'right') =>
  widget(page)
    .getByRole('group', { name: `Inputs: ` })
    .nth(side === 'left' ? 0 : 1);
const summary = (page: Page, side: 'left' | 'right') =>
  panel(page, side).locator('.zigzag__summary');
const spin = (page: Page, name: string) =>
  widget(page).locator(`[role="spinbutton"][data-param="zigzag.${name}"]`);

async function expectPanels(page: Page, left: InputKind, right: InputKind, s: Settings) {
  await expect(summary(page, 'left')).toContainText(result(left, s));
  await expect(summary(page, 'right')).toContainText(result(right, s));
  await expect(panel(page, 'left')).not.toHaveAttribute('aria-busy');
  await expect(panel(page, 'right')).not.toHaveAttribute('aria-busy');
}

test('with the starting values the sigmoid panel takes clearly more steps than the tanh panel, as built and live', async ({
  page,
}) => {
  const network = watchNetwork(page);
  await page.goto(PAGE);
  const sigmoid = descend('sigmoid', START);
  const tanh = descend('tanh', START);
  expect(sigmoid.steps).toBeGreaterThan(3 * tanh.steps);
  // As built: the summaries, and each figure named with its result.
  await expectPanels(page, 'sigmoid', 'tanh', START);
  await expect(panel(page, 'left').getByRole('img')).toHaveAccessibleName(
    new RegExp(`for sigmoid outputs \\(all positive\\).*after ${sigmoid.steps} steps\\.`),
  );
  await expect(summary(page, 'left')).toContainText('Every step moved both weights the same way');
  // The prose says the same numbers.
  await expect(page.locator('[data-value="zigzag.stepsToEps"]').first()).toHaveText(
    String(sigmoid.steps),
  );
  await expect(page.locator('[data-value="zigzag-tanh.stepsToEps"]').first()).toHaveText(
    String(tanh.steps),
  );
  await goLive(page);
  await page.waitForFunction(() => customElements.get('zigzag-descent') !== undefined);
  // Once the worker has answered (the prose's best-rate read-out is no longer busy), the
  // panels, which already show these values, are not busy either, and nothing was said.
  const best = page.locator('live-value[data-value="zigzag.bestSteps"]').first();
  await expect(best).toHaveText(/^\d+$/);
  await expect(best).not.toHaveAttribute('aria-busy');
  await expect(panel(page, 'left')).not.toHaveAttribute('aria-busy');
  await expect(panel(page, 'right')).not.toHaveAttribute('aria-busy');
  await expect(widget(page).getByRole('status')).toHaveText('');
  expect(network.urls.filter((url) => /plot-lib/.test(url))).toEqual([]);
});

test('η, full-batch steps, ε, the step limit and each panel’s inputs recompute both panels', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  let s: Settings = { ...START, eta: 0.8 };
  await spin(page, 'eta').fill('0.8');
  await expectPanels(page, 'sigmoid', 'tanh', s);

  s = { ...s, batch: true };
  await widget(page).getByRole('checkbox', { name: 'full-batch steps' }).check();
  await expectPanels(page, 'sigmoid', 'tanh', s);
  // A batch's summed gradient can mix signs, even from all-positive inputs.
  await expect(summary(page, 'left')).toContainText('moved the two weights in opposite ways');

  s = { ...s, epsilon: 0.01, steps: 300 };
  await spin(page, 'epsilon').fill('0.01');
  await spin(page, 'steps').fill('300');
  await expectPanels(page, 'sigmoid', 'tanh', s);

  // The remedies, on the right: centred, then standardised sigmoid outputs, then unequal scales.
  const right = panel(page, 'right').getByRole('combobox', { name: 'inputs, right panel' });
  for (const kind of ['centred', 'standardised', 'unequal', 'elu'] as const) {
    await right.selectOption(kind);
    await expectPanels(page, 'sigmoid', kind, s);
  }
  await expect(page).toHaveURL(/zigzag-tanh\.inputs=elu/);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('too large a learning rate says the descent diverges, with no number out of range', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'eta').fill('30');
  const s = { ...START, eta: 30 };
  expect(descend('sigmoid', s).how).toBe('diverged');
  await expectPanels(page, 'sigmoid', 'tanh', s);
  await expect(summary(page, 'left')).toContainText('η = 30 is too large for these inputs');
  await expect(widget(page)).not.toContainText(/NaN|Infinity|undefined|e\+/);
});

test('dragging on a panel, or typing, moves the shared start, and the URL keeps it', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'w0').fill('-1');
  await spin(page, 'w1').fill('1');
  await expectPanels(page, 'sigmoid', 'tanh', { ...START, w0: -1, w1: 1 });
  // A screen reader hears "minus 1.0": the value text has a minus sign, not a hyphen.
  await expect(spin(page, 'w0')).toHaveAttribute('aria-valuetext', '\u22121.0');

  // The right panel's frame: w0 from −1.5 to 2.5 over 268 of its 320 px, from 40 px in; w1
  // from 1.5 at 12 px down to −2.5 at 280 px.
  const img = panel(page, 'right').getByRole('img');
  await img.scrollIntoViewIfNeeded();
  const box = (await img.boundingBox())!;
  const scale = box.width / 320;
  const x = (w0: number) => box.x + (40 + ((w0 + 1.5) / 4) * 268) * scale;
  const y = (w1: number) => box.y + (12 + ((1.5 - w1) / 4) * 268) * scale;
  await page.mouse.move(x(2), y(1));
  await page.mouse.down();
  await page.mouse.move(x(2.2), y(0.5), { steps: 4 });
  await page.mouse.up();
  await expect(spin(page, 'w0')).toHaveValue('2.2');
  await expect(spin(page, 'w1')).toHaveValue('0.5');
  await expectPanels(page, 'sigmoid', 'tanh', { ...START, w0: 2.2, w1: 0.5 });
  await expect(page).toHaveURL(/zigzag\.w0=2\.2/);
  // A mouse passing over a panel with no button pressed moves nothing.
  await page.mouse.move(x(0), y(0));
  await expect(spin(page, 'w0')).toHaveValue('2.2');
});

test('a shared link sets both panels, and the keyboard result is said once when it settles', async ({
  page,
}) => {
  await page.goto(`${PAGE}?zigzag.eta=1.2&zigzag.batch=true&zigzag-tanh.inputs=standardised`);
  const s = { ...START, eta: 1.2, batch: true };
  await expectPanels(page, 'sigmoid', 'standardised', s);
  await expect(panel(page, 'right').getByRole('img')).toHaveAccessibleName(
    /for sigmoid outputs, standardised/,
  );

  const status = widget(page).getByRole('status');
  const said = await recordTexts(status);
  await spin(page, 'eta').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  const t = { ...s, eta: 1.23 };
  await expect(spin(page, 'eta')).toHaveValue('1.23');
  await expect(status).toHaveText(
    `Left panel, sigmoid outputs (all positive): ${result('sigmoid', t)} Right panel, sigmoid outputs, standardised: ${result('standardised', t)}`,
  );
  expect(await said()).toHaveLength(1);
});

test('without JavaScript both panels and the A→B→E figure are there, drawn at build time', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(widget(page).getByRole('img')).toHaveCount(2);
  await expect(summary(page, 'right')).toContainText(result('tanh', START));
  const still = page.locator('figure.zigzag--still').getByRole('img');
  await expect(still).toHaveCount(2);
  await expect(still.first()).toHaveAccessibleName(/A \(0\.0, 0\.0\) along w0 alone to B/);
  await context.close();
});

test('at 360 px a field’s message stays on screen, and a reverted field is no longer invalid', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(PAGE);
  await goLive(page);
  for (const name of ['w0', 'w1', 'eta', 'steps']) {
    const field = spin(page, name);
    const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
    await field.fill('zz');
    await field.press('Enter');
    await expect(message).toContainText('The value stays');
    const box = (await message.boundingBox())!;
    expect(box.x, name).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, name).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBe(360);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Leaving the field puts the last valid value back: no longer in error.
    await field.press('Tab');
    await expect(field).not.toHaveAttribute('aria-invalid');
  }
});

test('each exercise’s controls are named with their exercise, so that a list of them can tell them apart', async ({
  page,
}) => {
  await page.goto(PAGE);
  for (const n of [1, 2, 3]) {
    await expect(
      page.getByRole('button', { name: `Check (Exercise ${n})`, exact: true }),
    ).toHaveCount(1);
    await expect(page.getByText(`Show the solution (Exercise ${n})`, { exact: true })).toHaveCount(
      1,
    );
  }
  await expect(
    page.getByRole('textbox', { name: 'Your answer (Exercise 1)', exact: true }),
  ).toHaveCount(1);
  await expect(page.getByText('Hint (Exercise 2)', { exact: true })).toHaveCount(1);
  // Seen, the button still just says "Check".
  await expect(page.getByRole('button', { name: 'Check (Exercise 1)' })).toHaveText(
    /^\s*Check\s*\(Exercise 1\)\s*$/,
  );
  const box = await page.locator('[data-action="exercise.check"] .sr-only').first().boundingBox();
  expect(box!.width).toBeLessThanOrEqual(1);
});

test('the full-batch checkbox shows the same 2 px focus ring as every other control', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'steps').focus();
  await page.keyboard.press('Tab');
  const box = widget(page).getByRole('checkbox', { name: 'full-batch steps' });
  await expect(box).toBeFocused();
  const ring = await box.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.outlineStyle, style.outlineWidth];
  });
  expect(ring).toEqual(['solid', '2px']);
});
