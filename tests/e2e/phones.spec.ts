import { axeViolations, expect, pickTheme, test, unfolded, type Page } from './fixtures.ts';
import { defaultValues } from '../../src/live/model.ts';
import { mazurModel } from '../../src/live/models/mazur.ts';

// The chapter on a small phone: 360 × 740 CSS px, as readers hold it. Everything must fit the
// width, stay legible and be big enough to touch.
test.use({
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});

const PAGE = '/chapters/backprop/';
const WIDTH = 360;
/** WCAG 2.5.8 (Target Size, Minimum): 24 × 24 CSS px. */
const TARGET = 24;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const box = (b: { x: number; y: number; width: number; height: number }): Box => ({
  left: b.x,
  right: b.x + b.width,
  top: b.y,
  bottom: b.y + b.height,
});
const overlap = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const diagram = (page: Page) => page.locator('network-diagram');
/** The drawing that is shown: each layout has its own SVG and the other one is display: none. */
const drawing = (page: Page) => diagram(page).locator('svg:visible');

test('the network diagram shows every node at 360 px, with no sideways scroll', async ({
  page,
}) => {
  await page.goto(PAGE);
  await diagram(page).scrollIntoViewIfNeeded();
  await expect(drawing(page)).toHaveCount(1);
  const nodes = drawing(page).locator('g.node');
  await expect(nodes).toHaveCount(9);
  const boxes: Record<string, Box> = {};
  for (const node of await nodes.all()) {
    const name = (await node.textContent())?.trim() ?? '';
    const b = await node.boundingBox();
    expect(b, name).not.toBeNull();
    boxes[name] = box(b!);
  }
  expect(Object.keys(boxes).sort()).toEqual(['E', 'b1', 'b2', 'h1', 'h2', 'i1', 'i2', 'o1', 'o2']);
  for (const [name, b] of Object.entries(boxes)) {
    expect(b.left, `${name} left`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${name} right`).toBeLessThanOrEqual(WIDTH);
  }
  // All of it at once: the whole network is less than one screen tall.
  const tops = Object.values(boxes).map((b) => b.top);
  const bottoms = Object.values(boxes).map((b) => b.bottom);
  expect(Math.max(...bottoms) - Math.min(...tops)).toBeLessThan(740);
  const widths = await page.evaluate(() => {
    const d = document.querySelector('network-diagram')!;
    // Text for screen readers only (.sr-only) is clipped to 1 px on purpose: no one scrolls it.
    const scrolling = [d, ...d.querySelectorAll(':not(.sr-only)')].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
    );
    return {
      page: document.documentElement.scrollWidth,
      diagram: d.getBoundingClientRect().right,
      scrolling: scrolling.length,
    };
  });
  expect(widths.page).toBeLessThanOrEqual(WIDTH);
  expect(widths.diagram).toBeLessThanOrEqual(WIDTH);
  expect(widths.scrolling).toBe(0);
});

test('the diagram’s numbers at 360 px are 24 px tall, 14 px text, and none covers another', async ({
  page,
}) => {
  await page.goto(PAGE);
  const inputs = diagram(page).locator('input[role="spinbutton"]');
  await expect(inputs).toHaveCount(12);
  const boxes: Array<[string, Box]> = [];
  for (const input of await inputs.all()) {
    const name = (await input.getAttribute('data-param')) ?? '';
    const b = box((await input.boundingBox())!);
    expect(b.bottom - b.top, name).toBeGreaterThanOrEqual(TARGET);
    expect(b.right - b.left, name).toBeGreaterThanOrEqual(TARGET);
    expect(b.left, name).toBeGreaterThanOrEqual(0);
    expect(b.right, name).toBeLessThanOrEqual(WIDTH);
    const size = await input.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size, name).toBeGreaterThanOrEqual(14);
    boxes.push([name, b]);
  }
  for (const [a, boxA] of boxes) {
    for (const [b, boxB] of boxes) {
      if (a !== b) expect(overlap(boxA, boxB), `${a} and ${b}`).toBe(false);
    }
  }
});

test('at 360 px a weight in the diagram can be tapped, typed and highlighted', async ({ page }) => {
  await page.goto(PAGE);
  const w6 = diagram(page).locator('[role="spinbutton"][data-param="mazur.w6"]');
  await w6.scrollIntoViewIfNeeded();
  await w6.tap();
  await expect(w6).toBeFocused();
  await w6.fill('0.9');
  await w6.press('Enter');
  const params = { ...defaultValues(mazurModel), w6: 0.9 };
  const want = Number(mazurModel.values.derive(params)['net_o1']);
  const net = diagram(page).locator('[data-value="mazur.net_o1"]');
  await expect.poll(async () => Number(await net.getAttribute('data-raw'))).toBeCloseTo(want, 12);
  expect(want).not.toBeCloseTo(
    Number(mazurModel.values.derive(defaultValues(mazurModel))['net_o1']),
    3,
  );
  // The chain rule of the weight last touched is shown, its path drawn in the visible layout.
  await expect(diagram(page).locator('[data-caption="w6"]')).toBeVisible();
  await expect(drawing(page).locator('line.is-on-path')).toHaveCount(2);
  await diagram(page).locator('[data-param="mazur.w1"]').tap();
  await expect(drawing(page).locator('line.is-on-path')).toHaveCount(5);
  await expect(diagram(page).locator('[data-caption="w1"]')).toBeVisible();
});

/**
 * Every text of the training figures: its size on screen and whether it lies within its SVG's
 * width (the SVG lets text overflow, and on a phone there is no room beside it).
 */
async function figureTexts(page: Page) {
  return page.locator('.training__plot').evaluateAll((plots) =>
    plots.flatMap((plot) =>
      [...plot.querySelectorAll('svg text')].map((text) => {
        const svg = (text as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
        const own = text.getBoundingClientRect();
        // The computed size is in the SVG's units; the screen matrix scales them to CSS px.
        const scale = (text as SVGTextElement).getScreenCTM()!.a;
        return {
          text: text.textContent ?? '',
          px: parseFloat(getComputedStyle(text).fontSize) * scale,
          inside: own.left >= svg.left - 0.5 && own.right <= svg.right + 0.5,
        };
      }),
    ),
  );
}

function expectLegible(texts: Awaited<ReturnType<typeof figureTexts>>): void {
  // Both figures: tick labels, axis labels and the two target labels.
  expect(texts.length).toBeGreaterThan(20);
  // out_o1 and t1 with their subscripts lowered (tspans), at the text's own size.
  expect(texts.map((t) => t.text)).toContain('outo1, t1 = 0.01');
  for (const { text, px, inside } of texts) {
    expect(px, text).toBeGreaterThanOrEqual(11);
    expect(inside, `${text} within its figure's width`).toBe(true);
  }
}

test('every text in the training figures is at least 11 px at 360 px, built or redrawn', async ({
  page,
}) => {
  await page.goto(PAGE);
  expectLegible(await figureTexts(page));
  // An edit redraws both figures in the browser, with Plot: they must stay as legible.
  const figure = page.locator('[data-plot="loss"] svg');
  const before = await figure.getAttribute('aria-label');
  await page.locator('live-training [role="spinbutton"][data-param="mazur.eta"]').fill('0.25');
  await expect(figure).not.toHaveAttribute('aria-label', before ?? '');
  expectLegible(await figureTexts(page));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    WIDTH,
  );
});

/**
 * Every control on the page smaller than 24 × 24 px. WCAG 2.5.8 would also accept a smaller one
 * with 24 px of room around it; none here needs that, so none gets it. Links and read-outs in a
 * line of text are exempt, as WCAG's inline exception says: their size is the line's.
 */
async function smallTargets(page: Page) {
  return page.evaluate((min) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="spinbutton"], [tabindex]:not([tabindex="-1"])';
    return (
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter(
          (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
        )
        .filter((el) => getComputedStyle(el).display !== 'inline')
        .map((el) => {
          // The touch target includes an absolutely placed ::after that extends it, as
          // Starlight's heading anchors use (inset −0.25rem −0.5rem).
          const box = el.getBoundingClientRect();
          const after = getComputedStyle(el, '::after');
          const grow = (side: string) =>
            after.content !== 'none' && after.position === 'absolute'
              ? Math.max(0, -parseFloat(after.getPropertyValue(side)) || 0)
              : 0;
          const r = {
            width: box.width + grow('left') + grow('right'),
            height: box.height + grow('top') + grow('bottom'),
          };
          return { el, r };
        })
        // In device pixels, as drawn: Starlight's heading anchors are 23.98 px wide, 48 on screen.
        .filter(({ r }) => {
          const device = (px: number) => Math.round(px * devicePixelRatio);
          return device(r.width) < device(min) || device(r.height) < device(min);
        })
        .map(
          ({ el, r }) =>
            `${el.tagName.toLowerCase()} ${el.getAttribute('data-param') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`,
        )
    );
  }, TARGET);
}

for (const path of [
  PAGE,
  '/how-to-read/',
  '/chapters/neuron/',
  '/chapters/activations/',
  '/chapters/zero-centering/',
  '/chapters/feedforward/',
  '/chapters/autodiff/',
  '/chapters/vanishing-gradients/',
]) {
  test(`every control on ${path} is at least 24 × 24 px to touch at 360 px`, async ({ page }) => {
    await page.goto(path);
    // Every block shown: one still waiting has a box with no height, and no reader can touch it.
    await unfolded(page);
    // Once the page's script has run: until then the training panel's buttons are disabled.
    await expect(page.locator('[role="spinbutton"][data-param]').first()).toBeEditable();
    const count = await page
      .locator('input[role="spinbutton"], button, summary')
      .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
    expect(count).toBeGreaterThan(10);
    expect(await smallTargets(page)).toEqual([]);
  });
}

// pages.spec.ts checks whole pages at 390 and 1280 px; here, the widgets that change layout on a
// phone (the narrow diagram, the stacked figures), in both themes. Only them: axe over the whole
// chapter (11,000 nodes, most of them KaTeX) takes half a minute on a busy machine.
test('axe finds no violations in the diagram and the training panel at 360 px, in both themes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  await expect(drawing(page)).toHaveClass(/network-diagram__svg--narrow/);
  const scope = { include: ['network-diagram', 'live-training'] };
  expect(await axeViolations(page, scope)).toEqual([]);
  // At 360 px the theme picker is in the menu, where a reader finds it.
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await pickTheme(page, 'dark');
  await menu.click();
  // Starlight's menu is a popover: closed again, it covers nothing.
  await expect
    .poll(() => page.locator('#starlight__sidebar').evaluate((el) => el.matches(':popover-open')))
    .toBe(false);
  expect(await axeViolations(page, scope)).toEqual([]);
});
