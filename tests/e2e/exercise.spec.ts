import { expect, test, type Page } from '@playwright/test';
import { axeViolations, goLive, pickTheme } from './fixtures.ts';
import { mazurParams, mazurWorkedExample, type MazurParams } from '../../src/engine/mazur.ts';

// The exercise contract: <live-exercise data-exercise="id"> with an input[data-exercise-input],
// a [data-action="exercise.check"] button and a role="status" message; progress in
// localStorage under backprop-live:exercise:<page path>:<id>.
const PAGE = '/how-to-read/';
const KEY = (id: string) => `backprop-live:exercise:${PAGE}:${id}`;

const expected = (changes: Partial<MazurParams> = {}) =>
  mazurWorkedExample({ ...mazurParams, ...changes }, 0.5);
const exercise = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);
const input = (page: Page, id: string) => exercise(page, id).locator('[data-exercise-input]');
const checkButton = (page: Page, id: string) =>
  exercise(page, id).locator('[data-action="exercise.check"]');
const status = (page: Page, id: string) => exercise(page, id).getByRole('status');

/** Types an answer and checks it with Enter, as a reader would. */
async function answer(page: Page, id: string, text: string): Promise<void> {
  await input(page, id).fill(text);
  await input(page, id).press('Enter');
}

let errors: string[];
test.beforeEach(async ({ page }) => {
  errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE);
  await goLive(page);
});
test.afterEach(() => expect(errors).toEqual([]));

test('an exercise is a labelled group with a labelled answer box and a Check button, and states its precision', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: 'Exercise 2' });
  await expect(group).toHaveAttribute('data-exercise', 'de-dw6');
  const box = group.getByRole('textbox', { name: 'Your answer' });
  await expect(box).toHaveAttribute('inputmode', 'decimal');
  await expect(group.getByRole('button', { name: 'Check' })).toBeEnabled();
  await expect(status(page, 'de-dw6')).toHaveText('');
  // Each numeric exercise states how precise its answer must be, and its box says so too.
  // The default agrees with this page's own promise: four decimals, within ±0.0002.
  const stated =
    'Give your answer to 4 decimal places. It counts as right within ±0.0002 of the exact value.';
  for (const id of ['net-h2', 'de-dw6']) {
    await expect(exercise(page, id).locator('.exercise__precision')).toHaveText(stated);
    await expect(input(page, id)).toHaveAccessibleDescription(new RegExp(`${stated}$`));
  }
  await expect(page.locator('main')).toContainText('within two units in the fourth decimal place');
});

test('an answer worked from the factors the solution shows, rounded to 4 decimals, counts', async ({
  page,
}) => {
  const solution = exercise(page, 'de-dw6').locator('details.exercise__solution');
  await solution.locator('summary').click();
  const shown = async (name: string): Promise<number> =>
    Number(await solution.locator(`.katex [data-value="mazur.${name}"]`).first().textContent());
  const byHand =
    (await shown('dE_dout_o1')) * (await shown('dout_o1_dnet_o1')) * (await shown('out_h2'));
  await answer(page, 'de-dw6', byHand.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
});

test('the value a verdict shows as right is itself accepted', async ({ page }) => {
  const want = expected().dE_dw6!;
  // Accepted, though not the exact value rounded: the verdict shows the rounded one.
  await answer(page, 'de-dw6', (want + 0.00015).toFixed(5));
  await expect(status(page, 'de-dw6')).toHaveText(
    `Correct: ∂E/∂w6 is ${want.toFixed(4)} for the values on this page.`,
  );
  await answer(page, 'de-dw6', want.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
});

test('a right answer is accepted, marked solved and saved', async ({ page }) => {
  const want = expected().dE_dw6!;
  await answer(page, 'de-dw6', want.toFixed(4));
  await expect(status(page, 'de-dw6')).toHaveText(
    `Correct: ∂E/∂w6 is ${want.toFixed(4)} for the values on this page.`,
  );
  await expect(exercise(page, 'de-dw6')).toHaveAttribute('data-solved', '');
  await expect(exercise(page, 'de-dw6').locator('.exercise__solved')).toHaveText('✓ Solved');
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY('de-dw6'));
  expect(JSON.parse(saved ?? 'null')).toEqual({
    solved: true,
    attempts: 1,
    lastAnswer: want.toFixed(4),
  });
});

test('the Check button checks too, and the other exercise is independent', async ({ page }) => {
  await input(page, 'net-h2').fill(expected().net_h2!.toFixed(4));
  await checkButton(page, 'net-h2').click();
  await expect(status(page, 'net-h2')).toContainText('Correct: the net input of h2 is 0.3925');
  await expect(exercise(page, 'de-dw6')).not.toHaveAttribute('data-solved');
  await expect(status(page, 'de-dw6')).toHaveText('');
});

test('a wrong answer says "Not quite", nudges and counts the attempts', async ({ page }) => {
  const want = expected().dE_dw6!;
  await answer(page, 'de-dw6', '0.3');
  await expect(status(page, 'de-dw6')).toHaveText(
    'Not quite. Try again, or open the hint. (Attempt 1.)',
  );
  await answer(page, 'de-dw6', String(-want));
  await expect(status(page, 'de-dw6')).toHaveText(
    'Not quite. Check the sign: yours is the opposite of the answer’s. (Attempt 2.)',
  );
  await answer(page, 'de-dw6', (want * 10).toFixed(3));
  await expect(status(page, 'de-dw6')).toContainText('about 10 times too large');
  await expect(exercise(page, 'de-dw6')).not.toHaveAttribute('data-solved');
  await expect(status(page, 'de-dw6')).not.toContainText(want.toFixed(4));
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY('de-dw6'));
  expect(JSON.parse(saved ?? 'null')).toMatchObject({ solved: false, attempts: 3 });
});

test('each of "abc", "", "   ", "1/2" and "-" gets a message, changes nothing and is not counted', async ({
  page,
}) => {
  for (const bad of ['abc', '', '   ', '1/2', '-']) {
    await test.step(`"${bad}"`, async () => {
      await answer(page, 'de-dw6', bad);
      await expect(status(page, 'de-dw6')).toContainText(/e\.g\. 0\.25 or −1\.5\.$/);
      await expect(input(page, 'de-dw6')).toHaveAttribute('aria-invalid', 'true');
      await expect(exercise(page, 'de-dw6')).not.toHaveAttribute('data-solved');
      expect(await page.evaluate((key) => localStorage.getItem(key), KEY('de-dw6'))).toBeNull();
      await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
      // Typing again clears the error state.
      await input(page, 'de-dw6').pressSequentially('0');
      await expect(input(page, 'de-dw6')).not.toHaveAttribute('aria-invalid');
    });
  }
  await expect(status(page, 'de-dw6')).not.toContainText('Attempt');
});

test('a comma works as the decimal separator', async ({ page }) => {
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(4).replace('.', ','));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
});

test('the answer follows the values on the page', async ({ page }) => {
  const before = expected().dE_dw6!;
  const after = expected({ w5: 0.3 }).dE_dw6!;
  expect(Math.abs(after - before)).toBeGreaterThan(0.0005);
  await answer(page, 'de-dw6', before.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
  await page.locator('[role="spinbutton"][data-param="mazur.w5"]').first().fill('0.3');
  // A verdict made against the old values is withdrawn as soon as they change.
  await expect(status(page, 'de-dw6')).toHaveText(
    'The values on this page have changed, and so has the answer. Check again.',
  );
  await answer(page, 'de-dw6', before.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Not quite.');
  await answer(page, 'de-dw6', after.toFixed(4));
  await expect(status(page, 'de-dw6')).toHaveText(
    `Correct: ∂E/∂w6 is ${after.toFixed(4)} for the values on this page.`,
  );
});

test('the answer follows a link’s values, and an editable number inside the question', async ({
  page,
}) => {
  await page.goto(`${PAGE}?mazur.w3=0.5`);
  await goLive(page);
  await answer(page, 'net-h2', expected({ w3: 0.5 }).net_h2!.toFixed(4));
  await expect(status(page, 'net-h2')).toContainText('Correct:');
  await exercise(page, 'net-h2').locator('[data-param="mazur.w4"]').fill('1');
  await answer(page, 'net-h2', expected({ w3: 0.5, w4: 1 }).net_h2!.toFixed(4));
  await expect(status(page, 'net-h2')).toContainText('Correct:');
});

test('progress survives a reload, per exercise, and Start over forgets it', async ({ page }) => {
  await answer(page, 'de-dw6', '0.3');
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(5));
  await answer(page, 'net-h2', '7');
  await page.reload();
  await goLive(page);
  await expect(checkButton(page, 'de-dw6')).toBeEnabled();
  await expect(exercise(page, 'de-dw6')).toHaveAttribute('data-solved', '');
  await expect(status(page, 'de-dw6')).toHaveText(
    `Solved earlier. Your last answer was ${expected().dE_dw6!.toFixed(5)}.`,
  );
  await expect(input(page, 'de-dw6')).toHaveValue(expected().dE_dw6!.toFixed(5));
  await expect(exercise(page, 'net-h2')).not.toHaveAttribute('data-solved');
  await expect(status(page, 'net-h2')).toHaveText(
    'You tried this once before. Your last answer was 7.',
  );

  const startOver = exercise(page, 'de-dw6').getByRole('button', { name: 'Start over' });
  await startOver.click();
  await expect(startOver).toBeHidden();
  await expect(input(page, 'de-dw6')).toBeFocused();
  await expect(input(page, 'de-dw6')).toHaveValue('');
  await expect(exercise(page, 'de-dw6')).not.toHaveAttribute('data-solved');
  await expect(status(page, 'de-dw6')).toHaveText('Your progress on this exercise was cleared.');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY('de-dw6'))).toBeNull();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY('net-h2'))).not.toBeNull();
});

test('corrupt saved progress is ignored', async ({ page }) => {
  await page.evaluate(
    ([a, b]) => {
      localStorage.setItem(a!, '{not json');
      localStorage.setItem(b!, '{"solved":"yes","attempts":-3,"lastAnswer":{}}');
    },
    [KEY('de-dw6'), KEY('net-h2')],
  );
  await page.reload();
  await goLive(page);
  await expect(checkButton(page, 'de-dw6')).toBeEnabled();
  for (const id of ['de-dw6', 'net-h2']) {
    await expect(exercise(page, id)).not.toHaveAttribute('data-solved');
    await expect(status(page, id)).toHaveText('');
  }
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
});

test('the exercise works when saving fails (storage full)', async ({ page }) => {
  await page.addInitScript(() => {
    // Only for our keys: Starlight saves its own state too, and does not expect a failure.
    const setItem = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!.value as (
      this: Storage,
      key: string,
      value: string,
    ) => void;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('backprop-live:')) throw new DOMException('Full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.reload();
  await goLive(page);
  await expect(checkButton(page, 'de-dw6')).toBeEnabled();
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
  await expect(exercise(page, 'de-dw6')).toHaveAttribute('data-solved', '');
});

test('the exercise works when localStorage is blocked altogether', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
  });
  await page.reload();
  await goLive(page);
  await expect(checkButton(page, 'de-dw6')).toBeEnabled();
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(4));
  await expect(status(page, 'de-dw6')).toContainText('Correct:');
  await expect(exercise(page, 'de-dw6')).toHaveAttribute('data-solved', '');
  // Starlight's own theme script does not survive blocked storage; that is not ours to test.
  errors = errors.filter((e) => !/^Blocked$|StarlightThemeProvider/.test(e));
});

test('hint and solution open from the keyboard, and the solution’s numbers are live', async ({
  page,
}) => {
  const hint = exercise(page, 'de-dw6').locator('details.exercise__hint');
  const solution = exercise(page, 'de-dw6').locator('details.exercise__solution');
  await hint.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(hint).toHaveAttribute('open', '');
  await solution.locator('summary').focus();
  await page.keyboard.press('Space');
  await expect(solution).toHaveAttribute('open', '');
  const shown = solution.locator('.katex [data-value="mazur.dE_dw6"]');
  await expect(shown).toBeVisible();
  await expect(shown).toHaveText(expected().dE_dw6!.toFixed(4));
  await page.locator('[role="spinbutton"][data-param="mazur.w5"]').first().fill('0.3');
  const want = expected({ w5: 0.3 });
  await expect(shown).toHaveText(want.dE_dw6!.toFixed(4));
  await expect(solution.locator('.katex [data-value="mazur.dE_dout_o1"]')).toHaveText(
    want.dE_dout_o1!.toFixed(4),
  );
});

test('without JavaScript the question, hint and solution read, and a note says checking needs it', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  // Playwright parses <noscript> as text even with JavaScript off, so its presence is checked.
  await expect(exercise(page, 'de-dw6').locator('noscript')).toHaveCount(1);
  expect(await page.content()).toContain('Checking an answer needs JavaScript.');
  const solution = exercise(page, 'de-dw6').locator('details.exercise__solution');
  await solution.locator('summary').click();
  await expect(solution.locator('.katex [data-value="mazur.dE_dw6"]')).toHaveText(
    expected().dE_dw6!.toFixed(4),
  );
  await context.close();
});

// ---- Multiple choice: the why-w5 exercise on this page --------------------------------------
const CHOICE = 'why-w5';
const options = (page: Page) =>
  exercise(page, CHOICE).getByRole('group', { name: 'Choose one answer' }).getByRole('radio');

test('in print, the question shows and the answer box, hint and solution do not; a multiple-choice exercise shows its options but no buttons', async ({
  page,
}) => {
  await page.emulateMedia({ media: 'print' });
  await expect(exercise(page, 'de-dw6').locator('.exercise__question')).toBeVisible();
  await expect(input(page, 'de-dw6')).toBeHidden();
  await expect(exercise(page, 'de-dw6').locator('details').first()).toBeHidden();
  await expect(options(page).nth(0)).toBeVisible();
  await expect(checkButton(page, CHOICE)).toBeHidden();
});

test('a multiple-choice exercise is a named radio group whose options read as their text', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: 'Exercise 3' });
  await expect(group).toHaveAttribute('data-exercise', CHOICE);
  await expect(group.getByRole('group', { name: 'Choose one answer' })).toBeVisible();
  await expect(options(page)).toHaveCount(3);
  // Names come from the option's text, formulas included, read out as words: Chromium leaves
  // <math> out of a name computed from content, so the build labels a formula inside a label
  // (src/build/rehype-math-names.ts). Playwright computes names itself; ask Chromium too.
  await expect(options(page).nth(0)).toHaveAccessibleName(
    /^Because w sub 5 changes out sub h sub 2 ?, the value that w sub 6 carries\.$/,
  );
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  const radios = nodes
    .filter((node) => !node.ignored && node.role?.value === 'radio')
    .map((node) => node.name?.value ?? '');
  expect(radios).toHaveLength(3);
  expect(radios[0]).toMatch(/^Because w sub 5 changes out sub h sub 2 ?, the value that w sub 6/);
  expect(radios[1]).toMatch(/^Because w sub 5 changes out sub o sub 1 ?, and two of the three/);
  expect(radios[1]).toContain('partial E over partial w sub 6');
  await expect(
    group.getByRole('radio', { name: 'Because the page recomputes every number' }),
  ).toBeVisible();
  await expect(group.getByRole('button', { name: 'Check' })).toBeEnabled();
  await expect(group.locator('.exercise__precision')).toHaveCount(0);
  await expect(group.getByRole('textbox')).toHaveCount(0);
});

test('a multiple-choice exercise works from the keyboard alone, and says why', async ({ page }) => {
  // Tab from the previous exercise's last control into the radio group, as a keyboard user does.
  await exercise(page, 'de-dw6').locator('details.exercise__solution summary').focus();
  await page.keyboard.press('Tab');
  await expect(options(page).nth(0)).toBeFocused();
  await page.keyboard.press('Enter'); // nothing chosen yet
  await expect(status(page, CHOICE)).toHaveText('Choose one of the answers first.');
  await page.keyboard.press('Space');
  await expect(options(page).nth(0)).toBeChecked();
  await page.keyboard.press('Enter');
  // The status is what a screen reader hears: the verdict, then why this option is wrong.
  await expect(status(page, CHOICE)).toMatchAriaSnapshot(`
    - status:
      - text: Not quite. (Attempt 1.)
      - paragraph:
        - text: "No:"
        - math: w 5
        - text: /comes after the hidden layer/
  `);
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toBeChecked();
  await expect(options(page).nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(exercise(page, CHOICE).getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page, CHOICE)).toContainText(/^Correct\.\s*Yes:/);
  await expect(status(page, CHOICE)).not.toContainText('No:');
  await expect(exercise(page, CHOICE)).toHaveAttribute('data-solved', '');
  await expect(status(page, CHOICE)).toHaveAttribute('data-verdict', 'correct');
});

test('each wrong option gets its own explanation, and attempts are counted', async ({ page }) => {
  await options(page).nth(2).check();
  await checkButton(page, CHOICE).click();
  await expect(status(page, CHOICE)).toContainText('Not quite. (Attempt 1.)');
  await expect(status(page, CHOICE)).toContainText('the page does recompute');
  await options(page).nth(0).check();
  await checkButton(page, CHOICE).click();
  await expect(status(page, CHOICE)).toContainText('Not quite. (Attempt 2.)');
  await expect(status(page, CHOICE)).toContainText('comes after the hidden layer');
  await expect(status(page, CHOICE)).not.toContainText('the page does recompute');
  // Only the checked option's explanation is shown; the others stay out of sight.
  await expect(exercise(page, CHOICE).locator('.exercise__why:visible')).toHaveCount(1);
  await expect(exercise(page, CHOICE)).not.toHaveAttribute('data-solved');
});

test('multiple-choice progress is saved, restored after a reload and forgotten on Start over', async ({
  page,
}) => {
  await options(page).nth(0).check();
  await checkButton(page, CHOICE).click();
  await options(page).nth(1).check();
  await checkButton(page, CHOICE).click();
  await expect(status(page, CHOICE)).toContainText('Correct.');
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY(CHOICE));
  expect(JSON.parse(saved ?? 'null')).toEqual({ solved: true, attempts: 2, lastAnswer: '2' });
  await page.reload();
  // Saved progress loads the live layer at once (boot.ts): no intent needed.
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await expect(exercise(page, CHOICE)).toHaveAttribute('data-solved', '');
  await expect(options(page).nth(1)).toBeChecked();
  await expect(status(page, CHOICE)).toHaveText('Solved earlier. Your last answer is selected.');
  await exercise(page, CHOICE).getByRole('button', { name: 'Start over' }).click();
  await expect(options(page).nth(0)).toBeFocused();
  for (const radio of await options(page).all()) await expect(radio).not.toBeChecked();
  await expect(exercise(page, CHOICE)).not.toHaveAttribute('data-solved');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY(CHOICE))).toBeNull();
});

test('options can be chosen with the arrow keys before the live layer has loaded', async ({
  browser,
}) => {
  const page = await browser.newPage();
  await page.goto(PAGE);
  await expect(page.locator('html')).not.toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await options(page).nth(0).focus(); // focusing starts loading the live layer
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toBeChecked();
  await page.keyboard.press('Enter'); // a check made before the code arrives waits for it
  await expect(status(page, CHOICE)).toContainText('Correct.');
  await page.close();
});

test('axe finds no violations in every state of an exercise, in both themes', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await answer(page, 'de-dw6', expected().dE_dw6!.toFixed(4)); // solved, "Correct"
  await answer(page, 'net-h2', 'abc'); // invalid
  for (const summary of await page.locator('.exercise summary').all()) await summary.click();
  await expect(page.locator('.exercise details:not([open])')).toHaveCount(0);
  const scope = { include: ['.exercise'] };
  expect(await axeViolations(page, scope)).toEqual([]);
  await pickTheme(page, 'dark');
  expect(await axeViolations(page, scope)).toEqual([]);
  await answer(page, 'net-h2', '7'); // wrong, with "Start over" shown
  await exercise(page, 'net-h2').locator('[data-action="exercise.check"]').focus();
  expect(await axeViolations(page, scope)).toEqual([]);
  await pickTheme(page, 'light');
  expect(await axeViolations(page, scope)).toEqual([]);
});

test('axe finds no violations in a multiple-choice exercise, checked and explained, in both themes', async ({
  page,
}) => {
  await options(page).nth(0).check();
  await checkButton(page, CHOICE).click(); // a wrong option, with its explanation
  await expect(status(page, CHOICE)).toContainText('Not quite.');
  for (const summary of await exercise(page, CHOICE).locator('summary').all()) {
    await summary.click();
  }
  await options(page).nth(1).focus();
  const scope = { include: [`[data-exercise="${CHOICE}"]`] };
  expect(await axeViolations(page, scope)).toEqual([]);
  await pickTheme(page, 'dark');
  await options(page).nth(1).focus();
  expect(await axeViolations(page, scope)).toEqual([]);
});
