import { expect, goLive, recordTexts, test, type Page } from './fixtures.ts';

// Chapter 5, computation graphs and automatic differentiation: the step-through graph. The test
// works the notes' graph out itself (h1 = wx, h2 = h1 + b, h3 = −h2, h4 = exp(h3), h5 = h4 + 1,
// h6 = 1/h5) in both modes, and checks typed functions against its own central differences.
const PAGE = '/chapters/autodiff/';

type Seed = 'x' | 'w' | 'b';
interface Point {
  readonly x: number;
  readonly w: number;
  readonly b: number;
}

/** The notes' graph at a point: values, tangents for a seed, and adjoints, in node order. */
function notesGraph({ x, w, b }: Point, seed: Seed) {
  const h1 = w * x;
  const h2 = h1 + b;
  const h3 = -h2;
  const h4 = Math.exp(h3);
  const h5 = h4 + 1;
  const h6 = 1 / h5;
  const [dx, dw, db] = [seed === 'x' ? 1 : 0, seed === 'w' ? 1 : 0, seed === 'b' ? 1 : 0];
  const d1 = w * dx + x * dw;
  const d2 = d1 + db;
  const d3 = -d2;
  const d4 = h4 * d3;
  const d5 = d4;
  const d6 = -d5 / (h5 * h5);
  const a6 = 1;
  const a5 = -a6 / (h5 * h5);
  const a4 = a5;
  const a3 = h4 * a4;
  const a2 = -a3;
  const a1 = a2;
  return {
    names: ['x', 'w', 'b', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    values: [x, w, b, h1, h2, h3, h4, h5, h6],
    tangents: [dx, dw, db, d1, d2, d3, d4, d5, d6],
    adjoints: [w * a1, x * a1, a2, a1, a2, a3, a4, a5, a6],
    forwardOrder: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    reverseOrder: [8, 7, 6, 5, 4, 3, 0, 1, 2],
  };
}

/** As the figure writes a number: 4 decimals, a true minus sign, no "−0.0000". */
function shown(value: number): string {
  const text = value.toFixed(4);
  return (/^-0\.0+$/.test(text) ? text.slice(1) : text).replace('-', '\u2212');
}

const widget = (page: Page) => page.locator('autodiff-graph').first();
const next = (page: Page) => widget(page).getByRole('button', { name: 'Next step' });
const previous = (page: Page) => widget(page).getByRole('button', { name: 'Previous step' });
const currentRow = (page: Page) => widget(page).locator('.autodiff__steps tr[aria-current="step"]');
const position = (page: Page) => widget(page).locator('.autodiff__position');

async function setNumber(page: Page, name: string, value: number): Promise<void> {
  const field = widget(page).getByRole('spinbutton', { name });
  await field.fill(String(value));
  await field.press('Enter');
}

/** Steps through every node with `go`, checking the current row's node and derivative. */
async function walk(
  page: Page,
  expected: { names: string[]; values: number[]; order: number[]; carried: number[] },
  go: () => Promise<void>,
): Promise<void> {
  const total = expected.order.length;
  for (let k = 0; k < total; k++) {
    if (k > 0) await go();
    const node = expected.order[k]!;
    await expect(position(page)).toContainText(`Step ${k + 1} of ${total}`);
    const row = currentRow(page);
    await expect(row.locator('th')).toHaveText(expected.names[node]!);
    await expect(row.locator('td').nth(1)).toHaveText(shown(expected.values[node]!));
    await expect(row.locator('td').nth(2)).toContainText(`= ${shown(expected.carried[node]!)}`);
  }
}

test('each step of both modes matches the notes’ graph worked out independently, for the defaults and typed values', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const start = notesGraph({ x: 1, w: 0, b: 0 }, 'w');
  // The notes' tangents, 1, 1, −1, −1, −1, 0.25, and ∂f/∂w = 0.25.
  expect(start.tangents.slice(3)).toEqual([1, 1, -1, -1, -1, 0.25]);
  await walk(page, { ...start, order: start.forwardOrder, carried: start.tangents }, () =>
    next(page).click(),
  );
  await expect(widget(page).locator('.autodiff__done')).toContainText('∂f/∂w = 0.2500');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');

  // Typed values, reverse mode, stepped with the arrow key on the buttons.
  const point = { x: 0.5, w: -1.2, b: 0.3 };
  await setNumber(page, 'input x', point.x);
  await setNumber(page, 'weight w', point.w);
  await setNumber(page, 'bias b', point.b);
  await widget(page).getByRole('combobox', { name: 'mode', exact: true }).selectOption('reverse');
  await previous(page).press('Home');
  const typed = notesGraph(point, 'w');
  await walk(page, { ...typed, order: typed.reverseOrder, carried: typed.adjoints }, () =>
    next(page).press('ArrowRight'),
  );
  await expect(widget(page).locator('.autodiff__done')).toContainText(
    `∂f/∂x = ${shown(typed.adjoints[0]!)}, ∂f/∂w = ${shown(typed.adjoints[1]!)}, ∂f/∂b = ${shown(typed.adjoints[2]!)}`,
  );

  // Forward mode again, seeded on b, at the typed point.
  await widget(page).getByRole('combobox', { name: 'mode', exact: true }).selectOption('forward');
  await widget(page).getByRole('combobox', { name: 'forward mode’s seed' }).selectOption('b');
  await next(page).press('Home');
  const onB = notesGraph(point, 'b');
  await walk(page, { ...onB, order: onB.forwardOrder, carried: onB.tangents }, () =>
    next(page).press('ArrowRight'),
  );
});

test('a typed function is differentiated in both modes, and both agree with central differences', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const cases = [
    {
      text: 'x*w + sin(w)',
      f: (x: number, w: number) => x * w + Math.sin(w),
      at: { x: 2, w: 0.5, b: 0 },
    },
    {
      text: 'tanh(w*x + b)^2 + max(0, x)',
      f: (x: number, w: number, b: number) => Math.tanh(w * x + b) ** 2 + Math.max(0, x),
      at: { x: 0.7, w: -1.3, b: 0.4 },
    },
  ];
  for (const { text, f, at } of cases) {
    await widget(page).getByRole('textbox', { name: 'function of x, w and b' }).fill(text);
    await widget(page).getByRole('textbox', { name: 'function of x, w and b' }).press('Enter');
    await setNumber(page, 'input x', at.x);
    await setNumber(page, 'weight w', at.w);
    await setNumber(page, 'bias b', at.b);
    const h = 1e-5;
    const p = [at.x, at.w, at.b] as const;
    const value = (v: number[]) => f(v[0]!, v[1]!, v[2]!);
    const rows = widget(page).locator('.autodiff__derivatives tbody tr');
    for (const [i, name] of ['x', 'w', 'b'].entries()) {
      const up = [...p];
      const down = [...p];
      up[i]! += h;
      down[i]! -= h;
      const difference = (value(up) - value(down)) / (2 * h);
      const row = rows.nth(i);
      await expect(row.locator('th')).toHaveText(`∂f/∂${name}`);
      // Reverse, forward and the page's own central difference, each to its 4 decimals.
      for (const column of [0, 1, 2]) {
        await expect
          .poll(async () =>
            Number((await row.locator('td').nth(column).textContent())!.replace('\u2212', '-')),
          )
          .toBeCloseTo(difference, 4);
      }
    }
  }
});

test('a bad function gets a message at its position, the last valid graph stays, and a good one replaces it', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const field = widget(page).getByRole('textbox', { name: 'function of x, w and b' });
  const rows = widget(page).locator('.autodiff__steps tbody tr');
  await expect(rows).toHaveCount(9);
  await field.fill('x*(w+');
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const message = widget(page).getByText(/at character 6/);
  await expect(message).toBeVisible();
  await expect(message).toContainText('Expected a number, a variable or "("');
  await expect(rows).toHaveCount(9);
  await expect(widget(page)).not.toContainText(/NaN|Infinity|undefined/);

  await field.fill('w*w');
  await field.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // A point where the function is not defined says so, and shows no derivative.
  await field.fill('log(x) + w');
  await field.press('Enter');
  await setNumber(page, 'input x', -1);
  await expect(widget(page).locator('.autodiff__problem')).toHaveText(
    'f is not defined here: h1 = log(x) is not a finite number at this point.',
  );
  await expect(widget(page).locator('.autodiff__results')).toBeHidden();
  await expect(widget(page)).not.toContainText(/NaN|Infinity|undefined/);
});

test('a shared link sets the function, the mode and the step, and a step is said once', async ({
  page,
}) => {
  await page.goto(`${PAGE}?autodiff.fn=w*w&autodiff.w=3&autodiff.mode=reverse&autodiff.step=2`);
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await expect(position(page)).toHaveText('Step 2 of 2, reverse mode');
  // w is used twice by h1 = w·w: its adjoint sums both uses, 3·1 + 3·1.
  await expect(widget(page).locator('.autodiff__done')).toContainText('∂f/∂w = 6.0000');
  const status = widget(page).getByRole('status');
  const said = await recordTexts(status);
  await previous(page).focus();
  await previous(page).press('ArrowLeft');
  await expect(status).toHaveText(
    'Step 1 of 2, reverse mode: h1 = w·w = 9.0000; its adjoint ∂f/∂h1 = 1.0000.',
  );
  await page.waitForTimeout(600);
  expect(await said()).toEqual([
    'Step 1 of 2, reverse mode: h1 = w·w = 9.0000; its adjoint ∂f/∂h1 = 1.0000.',
  ]);
  // The link follows the step: back at the first, which is the default, or written as 1.
  await expect.poll(() => new URL(page.url()).searchParams.get('autodiff.step') ?? '1').toBe('1');
});

test('without JavaScript the graph, its first step and the derivatives are there, drawn at build time', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(widget(page).locator('svg .autodiff__node')).toHaveCount(9);
  await expect(position(page)).toHaveText('Step 1 of 9, forward mode, seeded on w');
  await expect(widget(page).locator('[data-tex="chain"] .katex')).toHaveCount(1);
  await expect(widget(page).locator('.autodiff__derivatives tbody tr').nth(1)).toContainText(
    '0.2500',
  );
  await context.close();
});
