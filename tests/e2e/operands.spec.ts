import { expect, test, type Page } from './fixtures.ts';

// A worked formula's operands show the digits the value has (issue 9, §3 "Arithmetic that
// checks"): a parameter the reader set is never rounded to the digits the author asked for.

const SHARED = '?mazur.w5=0.404&mazur.i1=0.054';

/**
 * The live numbers in the display formula that shows `result`, by value name (`w5`): each one's
 * value as shown, and half a unit in its last shown digit (how far rounding may have moved it).
 */
async function formula(
  page: Page,
  result: string,
): Promise<Record<string, { value: number; half: number }>> {
  const math = page
    .locator('.katex-display')
    .filter({ has: page.locator(`.katex [data-value="${result}"]`) })
    .first();
  const shown = await math
    .locator('.katex [data-value]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-value') ?? '', el.textContent ?? ''] as const),
    );
  return Object.fromEntries(
    shown.map(([ref, text]) => [
      ref.replace('mazur.', ''),
      {
        value: Number(text.replace('\u2212', '-')),
        half: 0.5 * 10 ** -(text.split('.')[1]?.length ?? 0),
      },
    ]),
  );
}

const shownValue = (f: Record<string, { value: number }>, name: string): number =>
  f[name]?.value ?? NaN;

test('with ?mazur.w5=0.404&mazur.i1=0.054 the net-input formula’s arithmetic checks by hand', async ({
  page,
}) => {
  await page.goto(`/chapters/backprop/${SHARED}`);
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  const f = await formula(page, 'mazur.net_h1');
  // The operands as the page shows them: 0.15 · 0.054 + 0.20 · 0.10 + 0.35 = 0.3781.
  expect(shownValue(f, 'i1')).toBe(0.054);
  const [w1, i1, w2, i2, b1, net] = ['w1', 'i1', 'w2', 'i2', 'b1', 'net_h1'].map((name) =>
    shownValue(f, name),
  ) as [number, number, number, number, number, number];
  expect(Math.abs(w1 * i1 + w2 * i2 + b1 - net)).toBeLessThanOrEqual(f['net_h1']!.half + 1e-12);
});

test('with ?mazur.w5=0.404 the update formula shows w5 as 0.404 and its arithmetic checks', async ({
  page,
}) => {
  await page.goto(`/chapters/backprop/${SHARED}`);
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  const f = await formula(page, 'mazur.w5_new');
  expect(shownValue(f, 'w5')).toBe(0.404);
  const [w5, eta, grad, next] = ['w5', 'eta', 'dE_dw5', 'w5_new'].map((name) =>
    shownValue(f, name),
  ) as [number, number, number, number];
  // The derived operand ∂E/∂w5 is rounded (6 digits), and so is the result; the parameters are
  // exact, so the difference can be no more than what those two roundings explain.
  const tolerance = f['w5_new']!.half + eta * f['dE_dw5']!.half;
  expect(Math.abs(w5 - eta * grad - next)).toBeLessThanOrEqual(tolerance + 1e-12);
});

test('a parameter with more digits than asked for shows them all: in math, prose and its field', async ({
  page,
}) => {
  await page.goto('/how-to-read/?mazur.w5=0.40412345&mazur.i1=0.0512');
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await expect(page.locator('[role="spinbutton"][data-param="mazur.w5"]')).toHaveValue(
    '0.40412345',
  );
  // <Value of="mazur.w5" digits={2} /> in prose.
  await expect(page.locator('live-value[data-value="mazur.w5"]')).toHaveText('0.40412345');
  // \live[2]{mazur.i1}, in the visible math and in the MathML a screen reader reads.
  const math = page.locator('.katex [data-value="mazur.i1"]');
  expect(await math.count()).toBeGreaterThan(1);
  for (const text of await math.allTextContents()) expect(text).toBe('0.0512');
});
