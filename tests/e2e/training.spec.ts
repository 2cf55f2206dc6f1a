import {
  axeViolations,
  expect,
  goLive,
  pickTheme,
  recordTexts,
  settled,
  test,
  watchNetwork,
  type Page,
} from './fixtures.ts';
import { mazur } from '../../src/engine/mazur.ts';
import { PAGE, action, openWithSteps, panel, spin, status } from './training-panel.ts';

// The training panel on the backpropagation chapter (training-panel.ts). Its table cells carry
// their unrounded value in data-raw.
const published = mazur.published;

const cell = async (page: Page, key: string): Promise<number> =>
  Number(await panel(page).locator(`[data-cell="${key}"]`).getAttribute('data-raw'));
/** The points the figures show: [{ step, E, outputs: [out_o1, out_o2] }]. */
const curve = (page: Page) =>
  panel(page).evaluate((el) => [
    ...(el as HTMLElement & { curve: { step: number; E: number }[] }).curve,
  ]);

test('without JavaScript the panel shows one step, the status and both build-time figures', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const loss = panel(page).locator('[data-plot="loss"] svg[role="img"]');
  await expect(loss).toHaveAttribute(
    'aria-label',
    'Error E falls from 0.2984 to 0.0000351 over 10,000 steps, on a log scale.',
  );
  await expect(panel(page).locator('[data-plot="outputs"] svg[role="img"]')).toHaveCount(1);
  await expect(panel(page).locator('[data-cell="w5.new"]')).toHaveText('0.358916');
  await expect(panel(page).locator('[data-cell="E.new"]')).toHaveText('0.291028');
  await expect(status(page)).toHaveText(
    'Training 10,000 steps at η = 0.50 would take the error E from 0.2984 to 0.0000351.',
  );
  // The buttons stay reachable from the keyboard; a note says that training needs JavaScript.
  expect(await page.content()).toContain('Training needs JavaScript.');
  await context.close();
});

test("Take one step updates every weight at once to Mazur's values", async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await action(page, 'step').click();
  expect((await cell(page, 'w5.new')).toFixed(8)).toBe(published.w5_new.toFixed(8));
  expect((await cell(page, 'w1.new')).toFixed(9)).toBe(published.w1_new.toFixed(9));
  expect(await cell(page, 'w5.old')).toBe(0.4);
  expect(await cell(page, 'w5.change')).toBeCloseTo(published.w5_new - 0.4, 8);
  expect((await cell(page, 'E.old')).toFixed(9)).toBe(published.E.toFixed(9));
  expect((await cell(page, 'E.new')).toFixed(9)).toBe('0.291027774');
  await expect(panel(page).locator('caption')).toContainText('The step just taken');
  // The whole page follows: the live read-outs (far ones once the edits pause), and the URL.
  await settled(page);
  const E = Number(await page.locator('[data-value="mazur.E"]').first().getAttribute('data-raw'));
  expect(E.toFixed(9)).toBe('0.291027774');
  await expect(page).toHaveURL(/mazur\.w5=0\.3589164/);
  // A second step starts from the first one's weights.
  await action(page, 'step').click();
  expect((await cell(page, 'w5.old')).toFixed(8)).toBe(published.w5_new.toFixed(8));
});

test('the order toggle makes Take one step use the in-place order', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const toggle = panel(page).getByRole('checkbox', { name: /output layer first/ });
  await toggle.check();
  // The preview already shows the in-place step; taking it gives Mazur's first-round error.
  expect((await cell(page, 'E.new')).toFixed(9)).toBe(published.errorAfterFirstRound.toFixed(9));
  await action(page, 'step').click();
  expect((await cell(page, 'E.new')).toFixed(9)).toBe(published.errorAfterFirstRound.toFixed(9));
  await expect(panel(page).locator('caption')).toContainText('in-place');
  await expect(page).toHaveURL(/mazur\.inPlace=true/);
});

test('Train lowers E monotonically at η = 0.5, to below 1e-4 after 10,000 steps', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await action(page, 'train').click();
  // A run is paced to take about 1.5 s; a busy machine may need longer.
  await expect(status(page)).toHaveText('Trained 10,000 steps: E went from 0.2984 to 0.0000351.', {
    timeout: 15_000,
  });
  // The figures follow the run's last frame; their data tables stop being busy with them.
  await expect(panel(page).locator('[data-table][aria-busy="true"]')).toHaveCount(0);
  const points = await curve(page);
  expect(points[0]!.step).toBe(0);
  expect(points.at(-1)!.step).toBe(10000);
  for (let i = 1; i < points.length; i++)
    expect(points[i]!.E).toBeLessThanOrEqual(points[i - 1]!.E);
  expect(points.at(-1)!.E).toBeLessThan(1e-4);
  expect(await cell(page, 'E.new')).toBeLessThan(1e-4);
  // The diagram's read-out is far from the panel: written once the run's edits pause.
  await settled(page);
  const out1 = Number(
    await page.locator('[data-value="mazur.out_o1"]').first().getAttribute('data-raw'),
  );
  expect(out1).toBeCloseTo(0.0159, 4);
  await expect(panel(page).locator('[data-plot="loss"] svg')).toHaveAttribute(
    'aria-label',
    /over 10,000 steps/,
  );
  await expect(action(page, 'train')).toHaveText('Train 10,000 steps');
});

test('the page stays responsive during a 100,000-step run, and an edit stops it', async ({
  page,
}) => {
  await openWithSteps(page, 100_000);
  // The progress bar advances frame after frame (sampled from the click on).
  const seen = await panel(page).evaluate(async (el) => {
    const bar = el.querySelector('progress')!;
    el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!.click();
    const values: number[] = [];
    for (let i = 0; i < 12; i++) {
      await new Promise(requestAnimationFrame);
      values.push(bar.value);
    }
    return values;
  });
  await expect(action(page, 'train')).toHaveText('Stop');
  expect(new Set(seen).size).toBeGreaterThan(5);
  expect(seen.at(-1)).toBeLessThan(100000);
  // A key press on an editable number is handled at once, and ends the run cleanly.
  await spin(page, 'eta').press('ArrowUp');
  await expect(spin(page, 'eta')).toHaveAttribute('aria-valuenow', '0.51');
  await expect(action(page, 'train')).toHaveText('Train 100,000 steps');
  await expect(status(page)).toContainText('Training stopped, because a value changed.');
  expect(
    await panel(page)
      .locator('progress')
      .evaluate((p: HTMLProgressElement) => p.value),
  ).toBeLessThan(100000);
});

test('during a run the weights reach the read-outs on screen; those a screen away follow once it ends', async ({
  page,
}) => {
  await openWithSteps(page, 100_000);
  // The Train button at the top of the screen: the worked example's numbers above the panel are
  // within a screen of it, but not on it.
  await action(page, 'train').evaluate((button) => button.scrollIntoView({ block: 'start' }));
  await settled(page);
  type Place = 'on' | 'near' | 'far';
  const seen = await page.evaluate(async () => {
    const outs = [
      ...document.querySelectorAll<HTMLElement>('live-value, .live-math[data-value]'),
    ].filter((el) => el.dataset['value']?.startsWith('mazur.'));
    const place = (el: Element): Place => {
      const box = (el.closest('.sl-markdown-content > *') ?? el).getBoundingClientRect();
      if (box.bottom > 0 && box.top < innerHeight) return 'on';
      return box.bottom > -innerHeight && box.top < 2 * innerHeight ? 'near' : 'far';
    };
    const places = new Map(outs.map((el) => [el, place(el)]));
    const before = new Map(outs.map((el) => [el, el.textContent]));
    const changed: Record<Place, number> = { on: 0, near: 0, far: 0 };
    const status = document.querySelector('live-training .training__status')!;
    let ended = false;
    new MutationObserver((records) => {
      // The run's end writes its last weights and says so in one task: one batch of records,
      // which counts as the run's. What comes after it is the page catching up.
      if (ended) return;
      ended = (status.textContent ?? '').startsWith('Trained ');
      for (const record of records) {
        const node = record.target;
        const el = (node instanceof Element ? node : node.parentElement)?.closest(
          'live-value, .live-math[data-value]',
        );
        const where = el && places.get(el as HTMLElement);
        if (where) changed[where]++;
      }
    }).observe(document.body, { subtree: true, characterData: true, childList: true });
    document.querySelector<HTMLElement>('[data-action="mazur.train"]')!.click();
    while (!ended) await new Promise((done) => setTimeout(done, 50));
    Object.assign(window, { __places: places, __before: before });
    return {
      changed,
      count: Object.fromEntries(
        (['on', 'near', 'far'] as const).map((p) => [
          p,
          [...places.values()].filter((v) => v === p).length,
        ]),
      ),
    };
  });
  // Some read-outs are on screen and some a screen away, and only those on screen changed, to
  // the run's last weights included.
  expect(seen.count.on).toBeGreaterThan(0);
  expect(seen.count.near).toBeGreaterThan(0);
  expect(seen.changed.on).toBeGreaterThan(0);
  expect(seen.changed).toMatchObject({ near: 0, far: 0 });
  // Once the run is over, each value reads the same wherever it is shown, those a screen away
  // included, which moved on from where they started.
  await settled(page);
  const after = await page.evaluate(() => {
    const { __places: places, __before: before } = window as unknown as {
      __places: Map<HTMLElement, Place>;
      __before: Map<HTMLElement, string>;
    };
    const byRef = new Map<string, Set<string>>();
    let nearMoved = 0;
    for (const [el, where] of places) {
      if (where === 'far') continue;
      const ref = el.dataset['value']!;
      byRef.set(ref, (byRef.get(ref) ?? new Set()).add(el.dataset['raw'] ?? ''));
      if (where === 'near' && el.textContent !== before.get(el)) nearMoved++;
    }
    return { nearMoved, split: [...byRef].filter(([, raws]) => raws.size > 1).map(([ref]) => ref) };
  });
  expect(after.nearMoved).toBeGreaterThan(0);
  expect(after.split).toEqual([]);
});

test('the press on Train changes only the buttons and the status; the run shows its progress next', async ({
  page,
}) => {
  const live = async () => {
    await page.goto(`${PAGE}?mazur.steps=100000`);
    await goLive(page);
  };
  const progress = panel(page).locator('.training__progress-text');
  await live();
  // Before any run, the progress line is ready for one: step 0 of the link's N.
  await expect(progress).toHaveText('Step 0 of 100,000');
  // What the press itself changed, read in the same task: the press is handled within a frame,
  // so anything more it does is laid out and painted in that frame's task (a long task at 4×).
  const atPress = await panel(page).evaluate((el) => {
    const before = el.querySelector('table')!.textContent;
    el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!.click();
    return {
      train: el.querySelector('[data-action="mazur.train"]')!.textContent,
      status: el.querySelector('.training__status')!.textContent,
      progress: el.querySelector('.training__progress-text')!.textContent,
      tableSame: el.querySelector('table')!.textContent === before,
    };
  });
  expect(atPress).toEqual({
    train: 'Stop',
    status: 'Training 100,000 steps…',
    progress: 'Step 0 of 100,000',
    tableSame: true,
  });
  await expect(progress).toContainText(/^Step [\d,]+ of 100,000 — E = /);
  // On a fresh page, Stop pressed before the first slice still shows where the run ended.
  await live();
  await action(page, 'train').evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(status(page)).toContainText(/^Stopped after 0 of 100,000 steps/);
  await expect(progress).toContainText(/^Step 0 of 100,000 — E = 0.2984/);
});

test('the progress line follows N until a run, shows the run until the next edit, and is ready again after it', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const progress = panel(page).locator('.training__progress-text');
  const bar = panel(page).locator('progress');
  await expect(progress).toHaveText('Step 0 of 10,000');
  await spin(page, 'steps').fill('300');
  await spin(page, 'steps').press('Enter');
  await expect(progress).toHaveText('Step 0 of 300');
  await expect(bar).toHaveJSProperty('max', 300);
  await action(page, 'train').click();
  await expect(status(page)).toContainText(/^Trained 300 steps/);
  await expect(progress).toHaveText(/^Step 300 of 300 — E = /);
  await expect(bar).toHaveJSProperty('value', 300);
  // Reset is an edit: the line no longer describes weights the page has left.
  await action(page, 'reset').click();
  await expect(progress).toHaveText('Step 0 of 10,000');
  await expect(bar).toHaveJSProperty('value', 0);
});

/**
 * At every frame from a press on Train until the page is quiet after the status says `trained`: where
 * the article's next laid-out block starts, from the panel's top (`below`), and where the panel
 * is on the screen (`top`). The distinct values seen of each.
 */
async function positionsDuringRun(
  page: Page,
  trained: string,
): Promise<{ below: number[]; top: number[] }> {
  return panel(page).evaluate(async (el, trained) => {
    let next = el.closest('.sl-markdown-content > *')!.nextElementSibling!;
    while (next.getBoundingClientRect().height === 0) next = next.nextElementSibling!;
    const below: number[] = [];
    const top: number[] = [];
    const see = () => {
      const panelTop = el.getBoundingClientRect().top;
      below.push(Math.round(next.getBoundingClientRect().top - panelTop));
      top.push(Math.round(panelTop));
    };
    see();
    el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!.click();
    const status = el.querySelector('.training__status')!;
    while (!status.textContent.startsWith(trained)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      see();
    }
    // Then until the numbers the run changed are all written: the page's gradients come from
    // the compute worker some frames after the status (aria-busy until then), and far read-outs
    // wait (data-writes-waiting).
    const busy = () =>
      document.querySelector('[aria-busy="true"]') !== null ||
      document.documentElement.hasAttribute('data-writes-waiting');
    for (let quiet = 0, frames = 0; quiet < 3 || frames < 3; frames++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      see();
      quiet = busy() ? 0 : quiet + 1;
    }
    return { below: [...new Set(below)], top: [...new Set(top)] };
  }, trained);
}

test('on a phone, nothing below the panel moves while a run goes or when it ends', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${PAGE}?mazur.steps=3000`);
  await goLive(page);
  await action(page, 'train').scrollIntoViewIfNeeded();
  // One position throughout: the status line is one line shorter during the run on a phone,
  // and the progress line used to appear at the first frame of the first run.
  const seen = await positionsDuringRun(page, 'Trained ');
  expect(seen.below).toHaveLength(1);
  expect(seen.top).toHaveLength(1);
  // The height the panel held is given up at the next edit.
  expect(await panel(page).evaluate((el: HTMLElement) => el.style.minHeight)).not.toBe('');
  await action(page, 'reset').click();
  await expect.poll(() => panel(page).evaluate((el: HTMLElement) => el.style.minHeight)).toBe('');
});

for (const [language, prefix, trained] of [
  ['English', '', 'Trained '],
  ['Chinese', '/zh-cn', '已训练'],
] as const) {
  test(`on the ${language} chapter, neither the panel nor anything below it moves on the screen during a 100,000-step run`, async ({
    page,
  }) => {
    // Wide enough for the table of contents at the side.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${prefix}${PAGE}?mazur.steps=100000`);
    await goLive(page);
    await action(page, 'train').scrollIntoViewIfNeeded();
    const seen = await positionsDuringRun(page, trained);
    // The line under the figures ("当前：E = …") went on to a second line when E was first
    // written as 8.88e-5, one character longer than 0.2984.
    expect(seen.below).toHaveLength(1);
    // A paragraph above the panel takes a line more or less when the run's gradients are
    // written at its end (their signs change). Scroll anchoring holds the screen still only
    // if the table of contents' container, which never moves, is not its anchor.
    expect(seen.top).toHaveLength(1);
  });
}

test('Stop ends a run and the panel says what it did', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'steps').fill('100000');
  await action(page, 'train').click();
  await page.waitForFunction(
    () => document.querySelector<HTMLProgressElement>('live-training progress')!.value > 0,
  );
  await action(page, 'train').click();
  await expect(status(page)).toContainText(/^Stopped after [\d,]+ of 100,000 steps/);
  expect(await cell(page, 'E.new')).toBeLessThan(await cell(page, 'E.old'));
});

const WEIGHTS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'];

/**
 * Opens the chapter with N = 10 (and for `edit`, the page's w1 on screen) and presses Train.
 * When the run's last snapshot first shows in the progress line (the first of the frames that
 * end a run), in the same task, before the next frame (where the run writes its weights to the
 * page and says it is done): `again` reads the table's weights and presses Train again,
 * returning them; `edit` types 0.3 into the page's w1.
 */
async function atRunEnd(page: Page, then: 'again' | 'edit'): Promise<number[]> {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'steps').fill('10');
  await spin(page, 'steps').press('Enter');
  if (then === 'edit')
    await page
      .locator('[role="spinbutton"][data-param="mazur.w1"]')
      .first()
      .scrollIntoViewIfNeeded();
  return panel(page).evaluate(
    (el, [then, weights]) =>
      new Promise<number[]>((resolve) => {
        const text = el.querySelector('.training__progress-text')!;
        const steps = el.querySelector<HTMLInputElement>('[data-param="mazur.steps"]')!.value;
        const train = el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!;
        const observer = new MutationObserver(() => {
          if (!text.textContent.startsWith(`Step ${steps} of ${steps}`)) return;
          observer.disconnect();
          if (then === 'again') {
            const ended = weights.map((w) =>
              Number(el.querySelector<HTMLElement>(`[data-cell="${w}.new"]`)!.dataset['raw']),
            );
            train.click();
            resolve(ended);
            return;
          }
          const w1 = document.querySelector<HTMLInputElement>(
            '[role="spinbutton"][data-param="mazur.w1"]',
          )!;
          w1.value = '0.3';
          w1.dispatchEvent(new Event('input', { bubbles: true }));
          resolve([]);
        });
        observer.observe(text, { childList: true, characterData: true, subtree: true });
        train.click();
      }),
    [then, WEIGHTS] as const,
  );
}

test('Train pressed again as a run ends goes on from the weights the run ended on', async ({
  page,
}) => {
  const ended = await atRunEnd(page, 'again');
  await expect(status(page)).toContainText(/^Trained 10 steps/);
  // The second run started from the first one's last weights, not from the last ones it wrote
  // to the page while it ran.
  for (const [i, w] of WEIGHTS.entries()) expect(await cell(page, `${w}.old`)).toBe(ended[i]);
  expect(await cell(page, 'w5.new')).not.toBe(ended[4]);
});

test("an edit just as a run ends keeps the reader's value, as an edit during the run does", async ({
  page,
}) => {
  await atRunEnd(page, 'edit');
  const w1 = page.locator('[role="spinbutton"][data-param="mazur.w1"]').first();
  await settled(page);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await expect(w1).toHaveAttribute('aria-valuenow', '0.3');
  // The panel now previews a step from the reader's values.
  expect(await cell(page, 'w1.old')).toBe(0.3);
});

test('N takes whole numbers, the button says "Train 1 step" for one, and Reset brings every value back, η and N included', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const n = spin(page, 'steps');
  await n.fill('2.5');
  await n.press('Enter');
  await expect(n).toHaveValue('3');
  await expect(page.locator(`#${await n.getAttribute('aria-describedby')}`)).toContainText(
    '2.5 is not a whole number, so 3 is used.',
  );
  await expect(action(page, 'train')).toHaveText('Train 3 steps');
  await n.fill('1');
  await n.press('Enter');
  await expect(action(page, 'train')).toHaveText('Train 1 step');

  await spin(page, 'eta').fill('1.5');
  await spin(page, 'steps').fill('500');
  await action(page, 'step').click();
  await action(page, 'reset').click();
  await expect(spin(page, 'eta')).toHaveAttribute('aria-valuenow', '0.5');
  await expect(spin(page, 'steps')).toHaveAttribute('aria-valuenow', '10000');
  expect(await cell(page, 'w5.old')).toBe(0.4);
  expect((await cell(page, 'w5.new')).toFixed(8)).toBe(published.w5_new.toFixed(8));
  await expect(status(page)).toHaveText(/^Back to the defaults\. Training 10,000 steps/);
  await expect(page).not.toHaveURL(/mazur\./);
});

test('the URL keeps η and N, and a link with them reproduces the panel', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'eta').fill('0.8');
  await spin(page, 'steps').fill('2000');
  await expect(page).toHaveURL(/mazur\.eta=0\.8/);
  await expect(page).toHaveURL(/mazur\.steps=2000/);
  await page.goto(`${PAGE}?mazur.eta=0.8&mazur.steps=2000`);
  await goLive(page);
  await expect(action(page, 'train')).toHaveText('Train 2,000 steps');
  await expect(status(page)).toContainText('Training 2,000 steps at η = 0.80');
  await expect(panel(page).locator('[data-plot="loss"] svg')).toHaveAttribute(
    'aria-label',
    /over 2,000 steps/,
  );
});

test('Plot is loaded only when a figure must change, and then follows edits', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const network = watchNetwork(page);
  await page.goto(PAGE);
  await goLive(page);
  await network.quiet();
  const before = scripts.length;
  const label = panel(page).locator('[data-plot="loss"] svg');
  await expect(label).toHaveAttribute('aria-label', /to 0\.0000351 over 10,000/);
  await spin(page, 'eta').fill('0.25');
  await expect(label).not.toHaveAttribute('aria-label', /to 0\.0000351 over 10,000/);
  expect(scripts.length).toBeGreaterThan(before);
  await expect(status(page)).toContainText('at η = 0.25');
});

test("axe finds no violations in the panel after a run, with Plot's live figures, in both themes", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${PAGE}?mazur.steps=300`);
  await goLive(page);
  await action(page, 'train').click();
  await expect(status(page)).toContainText('Trained 300 steps', { timeout: 15_000 });
  await expect(panel(page).locator('[data-plot="loss"] svg')).toHaveAttribute(
    'aria-label',
    /over 300 steps/,
  );
  expect(await axeViolations(page, { include: ['live-training'] })).toEqual([]);
  await pickTheme(page, 'dark');
  expect(await axeViolations(page, { include: ['live-training'] })).toEqual([]);
});

test('stepping η with the arrow keys changes the status once, when the reader stops', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const eta = spin(page, 'eta');
  await eta.focus();
  // Every text the status shows from now on.
  const said = await recordTexts(status(page));
  // Four presses at a reader's pace, each longer apart than the figures' redraw delay.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
  }
  await expect(status(page)).toContainText('at η = 0.54 would take');
  const seen = await said();
  expect(seen.filter((text) => /would take/.test(text))).toHaveLength(1);
});

test('a press on Train under the message of a clamped N still trains', async ({ page }) => {
  // In Chinese, the message that N was clamped hangs over the panel's buttons as N loses the
  // focus, which the press on Train itself makes it do.
  await page.goto('/zh-cn/chapters/activations/');
  await goLive(page);
  const dying = page.locator('live-training[data-model="dying"]');
  const steps = dying.locator('[role="spinbutton"][data-param="dying.steps"]');
  const train = dying.locator('button[data-action="dying.train"]');
  await steps.fill('100000');
  await train.click();
  const message = dying.locator('.live-number__message:not(:empty)');
  await expect(message).toHaveText(/10000/);
  // The message covers the button, and the press still reached it.
  const [box, over] = await Promise.all([message.boundingBox(), train.boundingBox()]);
  expect(box!.y + box!.height).toBeGreaterThan(over!.y);
  await expect(dying.locator('.training__status')).toHaveText(/^(正在训练|已训练) 10,000 步/);
});
