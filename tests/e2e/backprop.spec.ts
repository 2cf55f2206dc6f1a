import { expect, goLive, settled, test, type Page } from './fixtures.ts';
import { checkModel, defaultValues } from '../../src/live/model.ts';
import { mazurModel } from '../../src/live/models/mazur.ts';

const PAGE = '/chapters/backprop/';

/** Every value the engine gives for these parameters: parameters, derived values and groups. */
function engineValues(changes: Record<string, number>): Record<string, number> {
  const params = { ...defaultValues(mazurModel), ...changes };
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries({ ...params, ...checkModel(mazurModel, params) })) {
    if (typeof value === 'number') values[name] = value;
  }
  return values;
}

/** [ref, data-raw] of every live read-out of the worked example on the page. */
async function readOuts(page: Page): Promise<Array<[string, number]>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-value^="mazur."]')].map(
      (el) =>
        [el.getAttribute('data-value') ?? '', Number(el.getAttribute('data-raw'))] as [
          string,
          number,
        ],
    ),
  );
}

function expectAllMatch(seen: Array<[string, number]>, want: Record<string, number>): void {
  expect(seen.length).toBeGreaterThan(100);
  for (const [ref, raw] of seen) {
    const name = ref.replace(/^mazur\./, '');
    expect(want[name], ref).toBeDefined();
    expect(Math.abs(raw - want[name]!), `${ref}: ${raw} vs ${want[name]}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want[name]!)),
    );
  }
}

test('at the defaults every read-out on the chapter equals the engine, Mazur’s numbers included', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const want = engineValues({});
  expectAllMatch(await readOuts(page), want);
  // The worked example's published figures, as the page shows them.
  await expect(page.locator('live-value[data-value="mazur.out_o1"]').first()).toHaveText('0.7514');
  await expect(page.locator('.katex [data-value="mazur.out_o2"]').first()).toHaveText('0.7729');
  await expect(page.locator('.katex [data-value="mazur.E"]').first()).toHaveText('0.298371');
});

test('editing weights through the data-param hooks recomputes every read-out as the engine does', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const changes = { w1: 0.2, w5: -0.3, w8: 1.25, b2: 0.1, eta: 1.5 };
  for (const [name, value] of Object.entries(changes)) {
    await page
      .locator(`[role="spinbutton"][data-param="mazur.${name}"]`)
      .first()
      .fill(String(value));
  }
  // Far read-outs are written once the edits pause (near-writes.ts); the update-order
  // comparison among them comes from the compute worker: wait for both.
  await settled(page);
  await expect(page.locator('[data-value][aria-busy]')).toHaveCount(0);
  expectAllMatch(await readOuts(page), engineValues(changes));
  // Every editable copy of w5 (diagram and prose) shows the new value.
  for (const input of await page.locator('[data-param="mazur.w5"]').all()) {
    await expect(input).toHaveValue('-0.30');
  }
});

test('the URL round-trips the chapter’s state', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await page.locator('[role="spinbutton"][data-param="mazur.w6"]').first().fill('0.7');
  await page.locator('[role="spinbutton"][data-param="mazur.t2"]').first().fill('0.5');
  await expect(page).toHaveURL(/\?mazur\.w6=0\.7&mazur\.t2=0\.5$/);
  // Far read-outs wait for the edits to pause; the 20,000-step comparison of the update orders
  // among them comes from the compute worker.
  await settled(page);
  await expect(page.locator('[data-value][aria-busy]')).toHaveCount(0);
  const before = await readOuts(page);
  await page.reload();
  await goLive(page);
  // A link with settings brings the live layer in at once, without any intent.
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-value][aria-busy]')).toHaveCount(0);
  expect(await readOuts(page)).toEqual(before);
  expectAllMatch(before, engineValues({ w6: 0.7, t2: 0.5 }));
});

test('focusing a weight in the diagram highlights its path to E and shows its chain rule', async ({
  page,
}) => {
  await page.goto(PAGE);
  const diagram = page.locator('network-diagram');
  await expect(diagram.locator('[data-caption="w5"]')).toBeVisible();
  await diagram.locator('[data-param="mazur.w1"]').focus();
  await expect(diagram.locator('svg:visible line.is-on-path')).toHaveCount(5);
  await expect(diagram.locator('[data-caption="w1"]')).toBeVisible();
  await expect(diagram.locator('[data-caption="w5"]')).toBeHidden();
  await expect(diagram.locator('[data-caption="w1"]')).toContainText('two paths, summed');
  await diagram.locator('[data-param="mazur.w7"]').hover();
  await expect(diagram.locator('svg:visible line.is-on-path')).toHaveCount(2);
  await expect(diagram.locator('[data-caption="w7"]')).toBeVisible();
});

test('sentences about the published example keep their values when the reader edits', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const errata = page.locator('.live-value--frozen').first();
  const text = await errata.textContent();
  await page.locator('[role="spinbutton"][data-param="mazur.w5"]').first().fill('1');
  await expect(errata).toHaveText(text ?? '');
});
