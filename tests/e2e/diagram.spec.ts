import { expect, goLive, pickTheme, test, type Page } from './fixtures.ts';
import { defaultValues } from '../../src/live/model.ts';
import { formatNumber } from '../../src/live/format.ts';
import { mazurModel } from '../../src/live/models/mazur.ts';

// The network diagram of the backpropagation chapter, <NetworkDiagram />, as a screen reader, a
// keyboard, a mouse, the dark theme and a printer meet it.
const PAGE = '/chapters/backprop/';

const diagram = (page: Page) => page.locator('network-diagram');
/** The drawing that is shown: each layout has its own SVG and the other one is display: none. */
const drawing = (page: Page) => diagram(page).locator('svg:visible');
const lit = (page: Page) => drawing(page).locator('line.is-on-path');
const field = (page: Page, param: string) =>
  diagram(page).locator(`[role="spinbutton"][data-param="mazur.${param}"]`);

/** The engine's values at the defaults with `changes`, as the diagram shows them (4 digits). */
function shown(changes: Record<string, number> = {}) {
  const values = mazurModel.values.derive({ ...defaultValues(mazurModel), ...changes });
  return (name: string, digits = 4) => formatNumber(Number(values[name]), { digits });
}

test('the accessibility tree names each neuron with its live values, and each field', async ({
  page,
}) => {
  await page.goto(PAGE);
  const f = shown();
  const network = page.getByRole('group', { name: 'The worked example’s network' });
  await expect(network).toMatchAriaSnapshot(`
    - group "The worked example’s network":
      - paragraph: /^Inputs i1 and i2 feed hidden neurons h1 and h2 through weights w1 to w4/
      - spinbutton "input i1": "0.05"
      - spinbutton "input i2": "0.10"
      - spinbutton "weight w1, from i1 to h1": "0.15"
      - spinbutton "weight w3, from i1 to h2": "0.25"
      - spinbutton "weight w2, from i2 to h1": "0.20"
      - spinbutton "weight w4, from i2 to h2": "0.30"
      - spinbutton "hidden-layer bias b1": "0.35"
      - 'img "h1: net ${f('net_h1')}, out ${f('out_h1')}"'
      - 'img "h2: net ${f('net_h2')}, out ${f('out_h2')}"'
      - spinbutton "weight w5, from h1 to o1": "0.40"
      - spinbutton "weight w7, from h1 to o2": "0.50"
      - spinbutton "weight w6, from h2 to o1": "0.45"
      - spinbutton "weight w8, from h2 to o2": "0.55"
      - spinbutton "output-layer bias b2": "0.60"
      - 'img "o1: net ${f('net_o1')}, out ${f('out_o1')}"'
      - 'img "o2: net ${f('net_o2')}, out ${f('out_o2')}"'
      - 'img "error E: ${f('E')}"'
  `);
  expect(f('out_h1')).toBe('0.5933');
  // The names follow the values: an edit renames the neurons it changes.
  await network.getByRole('spinbutton', { name: 'weight w5, from h1 to o1' }).fill('1');
  const g = shown({ w5: 1 });
  await expect(
    network.getByRole('img', { name: `o1: net ${g('net_o1')}, out ${g('out_o1')}`, exact: true }),
  ).toBeVisible();
  await expect(network.getByRole('img', { name: `error E: ${g('E')}`, exact: true })).toBeVisible();
  expect(g('E')).not.toBe(f('E'));
  // The drawing itself is hidden: the group says what it shows.
  await expect(diagram(page).locator('svg[aria-hidden="true"]')).toHaveCount(2);
});

/** The diagram's Tab stops from i1 on, by parameter or neuron. */
async function tabSequence(page: Page): Promise<string[]> {
  await field(page, 'i1').focus();
  const seen: string[] = [];
  for (let i = 0; i < 17; i++) {
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const param = el?.getAttribute('data-param')?.replace('mazur.', '');
        return param ?? el?.getAttribute('data-overlay') ?? el?.tagName ?? '';
      }),
    );
    await page.keyboard.press('Tab');
  }
  return seen;
}

// Layer by layer in the direction the layers run, and across each layer in the order the
// numbers sit there; each bias where it is drawn.
const WIDE = 'i1 i2 w1 w3 w2 w4 b1 h1 h2 w5 w7 w6 w8 b2 o1 o2 E'.split(' ');
const NARROW = 'i1 i2 b1 w1 w3 w2 w4 h1 h2 b2 w5 w7 w6 w8 o1 o2 E'.split(' ');

test('Tab follows the wide layout, inputs first, and the narrow one once the diagram turns', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  await field(page, 'i1').focus();
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  expect(await tabSequence(page)).toEqual(WIDE);
  // A window made narrow turns the drawing a quarter; the order turns with it, and the field
  // that moves keeps the focus.
  await field(page, 'b1').focus();
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(drawing(page)).toHaveClass(/network-diagram__svg--narrow/);
  await expect(diagram(page).locator('[data-overlay]').nth(2)).toHaveAttribute(
    'data-overlay',
    'b1',
  );
  await expect(field(page, 'b1')).toBeFocused();
  expect(await tabSequence(page)).toEqual(NARROW);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('Tab follows the vertical layout, inputs first', async ({ page }) => {
    await page.goto(PAGE);
    await expect(drawing(page)).toHaveClass(/network-diagram__svg--narrow/);
    await field(page, 'i1').focus();
    await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
    expect(await tabSequence(page)).toEqual(NARROW);
  });
});

test('focusing an input or a bias clears the last weight’s highlight', async ({ page }) => {
  await page.goto(PAGE);
  await field(page, 'w5').focus();
  await expect(lit(page)).toHaveCount(2);
  await field(page, 'i1').focus();
  await expect(lit(page)).toHaveCount(0);
  await expect(drawing(page).locator('.is-on-path')).toHaveCount(0);
  await field(page, 'w2').focus();
  await expect(lit(page)).toHaveCount(5);
  // A bias lights its own path instead: its two edges and the two from the outputs to E.
  await field(page, 'b2').focus();
  await expect(lit(page)).toHaveCount(4);
  await expect(drawing(page).locator('line.is-on-path:not([data-on-path~="b2"])')).toHaveCount(0);
  await expect(diagram(page).locator('[data-caption="b2"]')).toBeVisible();
  await field(page, 'i2').focus();
  await expect(lit(page)).toHaveCount(0);
  // Focus leaving the diagram takes the highlight with it.
  await field(page, 'w7').focus();
  await expect(lit(page)).toHaveCount(2);
  await page.locator('[data-action="mazur.step"]').focus();
  await expect(lit(page)).toHaveCount(0);
});

test('moving the mouse off a weight clears its highlight, back to the focused one', async ({
  page,
}) => {
  await page.goto(PAGE);
  // The first hover only brings the live layer in; the highlight follows the next one.
  await goLive(page);
  await field(page, 'w7').hover();
  await expect(lit(page)).toHaveCount(2);
  await expect(diagram(page).locator('[data-caption="w7"]')).toBeVisible();
  // Onto the drawing between the fields, then off the diagram altogether.
  const box = (await drawing(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 4);
  await expect(lit(page)).toHaveCount(0);
  // The chain rule stays, for the pointer to go down and read it.
  await expect(diagram(page).locator('[data-caption="w7"]')).toBeVisible();
  await field(page, 'w1').hover();
  await expect(lit(page)).toHaveCount(5);
  await page.mouse.move(2, 2);
  await expect(lit(page)).toHaveCount(0);
  // With a weight focused, pointing elsewhere and away returns to the focused weight.
  await field(page, 'w5').focus();
  await field(page, 'w8').hover();
  await expect(diagram(page).locator('[data-caption="w8"]')).toBeVisible();
  await page.mouse.move(2, 2);
  await expect(diagram(page).locator('[data-caption="w5"]')).toBeVisible();
  await expect(lit(page)).toHaveCount(2);
});

/**
 * Records each text a live region in the diagram comes to hold (what a screen reader would
 * announce), from now on; `announced(page)` reads them.
 */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('network-diagram')!;
    const live =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    const last = new Map<Element, string>();
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    for (const region of root.querySelectorAll(live)) last.set(region, region.textContent ?? '');
    new MutationObserver(() => {
      for (const region of root.querySelectorAll(live)) {
        const text = region.textContent ?? '';
        if (text === (last.get(region) ?? '')) continue;
        last.set(region, text);
        if (text.trim() !== '') heard.push(text.replace(/\s+/g, ' ').trim());
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}
const announced = (page: Page) =>
  page.evaluate(() => (window as unknown as { heard: string[] }).heard);

test('40 presses of ArrowUp on a weight announce its chain rule once, when the reader stops', async ({
  page,
}) => {
  await page.goto(PAGE);
  const w5 = field(page, 'w5');
  await w5.focus();
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  // From here the page's clock stands still until the test moves it: "stops" is then exact.
  await page.clock.install();
  await listen(page);
  // The keyboard, not the locator: a locator waits for animation frames, which stand still too.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
  await expect(w5).toHaveValue('0.80');
  const f = shown({ w5: 0.8 });
  await expect(diagram(page).locator('[data-caption="w5"] strong')).toHaveText(f('dE_dw5', 6));
  expect(await announced(page)).toEqual([]);
  await page.clock.runFor(2000);
  const status = diagram(page).getByRole('status');
  const settled = `∂E/∂w5 = ${f('dE_dout_o1')} × ${f('dout_o1_dnet_o1')} × ${f('dnet_o1_dw5')} = ${f('dE_dw5', 6)}. Error E: ${f('E')}.`;
  await expect(status).toHaveText(settled);
  expect(await announced(page)).toEqual([settled]);
  // An input has no chain rule of its own: its settled value says the error.
  const i1 = field(page, 'i1');
  await i1.focus();
  await page.keyboard.press('ArrowDown');
  await page.clock.runFor(2000);
  await expect(status).toHaveText(`Error E: ${shown({ w5: 0.8, i1: 0.04 })('E')}.`);
  expect(await announced(page)).toHaveLength(2);
});

test('a training run announces nothing from the diagram while its numbers change', async ({
  page,
}) => {
  await page.goto(PAGE);
  await field(page, 'w5').focus();
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await listen(page);
  // How many times the diagram's E changes: the run must be seen to move it on the way, not
  // only at its end (a busy machine paints few of the run's frames).
  const error = diagram(page).locator('[data-value="mazur.E"]');
  await error.evaluate((el) => {
    const w = window as unknown as { errorChanges: number };
    w.errorChanges = 0;
    new MutationObserver(() => (w.errorChanges += 1)).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const train = page.locator('[data-action="mazur.train"]');
  await train.click();
  await expect(train).toHaveText('Stop');
  // Back to the diagram, whose read-outs follow the run while they are near the screen
  // (near-writes.ts): from the panel, far below, only its final values would be written.
  await diagram(page).scrollIntoViewIfNeeded();
  await expect(train).toHaveText(/^Train/, { timeout: 15_000 });
  expect(
    await page.evaluate(() => (window as unknown as { errorChanges: number }).errorChanges),
  ).toBeGreaterThan(1);
  expect(await announced(page)).toEqual([]);
});

/** sRGB relative luminance (WCAG 2) of any CSS colour, through a canvas pixel. */
async function contrasts(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const luminance = (color: string): number => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [la, lb] = [luminance(a), luminance(b)];
      return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    };
    // What the diagram is drawn on: the first ancestor with a background of its own.
    let el: Element | null = document.querySelector('network-diagram');
    let background = 'rgba(0, 0, 0, 0)';
    while (el && background === 'rgba(0, 0, 0, 0)') {
      background = getComputedStyle(el).backgroundColor;
      el = el.parentElement;
    }
    const svg = [...document.querySelectorAll('network-diagram svg')].find(
      (s) => getComputedStyle(s).display !== 'none',
    )!;
    const shapes = [...svg.querySelectorAll('line, circle, rect')].map((shape) => ({
      what: `${shape.tagName} ${shape.getAttribute('class') ?? shape.parentElement?.textContent}`,
      ratio: ratio(getComputedStyle(shape).stroke, background),
    }));
    const fields = [...document.querySelectorAll('network-diagram input')].map((input) => ({
      what: `underline of ${input.getAttribute('data-param')}`,
      ratio: ratio(getComputedStyle(input).borderBottomColor, background),
    }));
    return [...shapes, ...fields];
  });
}

test('every edge, outline and field line of the diagram has 3:1 contrast in both themes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await pickTheme(page, theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // Plain and highlighted: w1's path lights five edges and four nodes.
    await field(page, 'w1').focus();
    await expect(lit(page)).toHaveCount(5);
    const seen = await contrasts(page);
    expect(seen.length).toBe(14 + 9 + 12);
    const low = seen
      .filter((s) => s.ratio < 3)
      .map((s) => `${theme}, ${s.what}: ${s.ratio.toFixed(2)}`);
    expect(low).toEqual([]);
  }
});

test('printed, the diagram keeps to one page and to the page’s width', async ({ page }) => {
  // An A4 page's printable width at 96 px to the inch: 210 mm less two 10 mm margins, 718 px.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(PAGE);
  const figure = diagram(page);
  expect(await figure.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
  const box = (await figure.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(718);
  // An A4 page's printable height: 297 mm less two 10 mm margins, 1047 px; it fits on one.
  expect(box.height).toBeLessThan(1047);
  const canvas = (await figure.locator('.network-diagram__canvas').boundingBox())!;
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
});

test("at 360 px a weight's message is drawn over the neurons' read-outs below it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/chapters/backprop/');
  await goLive(page);
  const w5 = page.locator('network-diagram [role="spinbutton"][data-param="mazur.w5"]');
  await w5.scrollIntoViewIfNeeded();
  await w5.fill('abc');
  await w5.press('Enter');
  const message = page.locator('network-diagram .live-number__message:not(:empty)');
  await expect(message).toContainText('is not a number');
  await message.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // A hit test finds what is drawn on top at a point. The message lets the pointer through to
  // what is under it (pointer-events: none); it takes the pointer for this look only.
  const covered = await message.evaluate((el) => {
    (el as HTMLElement).style.pointerEvents = 'auto';
    const box = el.getBoundingClientRect();
    const misses: string[] = [];
    for (const fx of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      for (const fy of [0.2, 0.5, 0.8]) {
        const hit = document.elementFromPoint(box.left + fx * box.width, box.top + fy * box.height);
        if (!hit || !(hit === el || el.contains(hit))) misses.push(hit?.textContent ?? 'nothing');
      }
    }
    (el as HTMLElement).style.pointerEvents = '';
    return misses;
  });
  expect(covered).toEqual([]);
});
