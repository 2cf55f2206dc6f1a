import { expect, goLive, pickTheme, test, type Page } from './fixtures.ts';
import { formatError } from '../../src/widgets/training/words.ts';
import { PAGE, action, openWithSteps, panel, spin, status } from './training-panel.ts';

// The training panel's figures and progress, on the backpropagation chapter: what a screen
// reader finds in each figure, the curves' contrast in both themes, and a run's progress line
// beside its table.
const figure = (page: Page, plot: 'loss' | 'outputs') =>
  panel(page).locator('figure', { has: page.locator(`[data-plot="${plot}"]`) });

test('each figure is one image named by a summary of its data, with nothing named inside it', async ({
  page,
}) => {
  await page.goto(PAGE);
  const loss = figure(page, 'loss');
  const outputs = figure(page, 'outputs');
  for (const [fig, name] of [
    [loss, 'Error E falls from 0.2984 to 0.0000351 over 10,000 steps, on a log scale.'],
    [
      outputs,
      'Outputs over 10,000 steps: out o1 goes from 0.7514 to 0.0159 (target 0.01), out o2 from 0.7729 to 0.9841 (target 0.99).',
    ],
  ] as const) {
    const img = fig.getByRole('img');
    await expect(img).toHaveCount(1);
    await expect(img).toHaveAccessibleName(name);
    // Inside the image, nothing at all: no groups, no names, no loose tick labels.
    const snapshot = await img.ariaSnapshot();
    // One line, ending with the name's closing quote: no children, no text after a colon.
    expect(snapshot.split('\n')).toHaveLength(1);
    expect(snapshot).toMatch(/^- '?img "[^"]+"'?$/);
    await expect(fig.getByRole('group')).toHaveCount(0);
  }
  // Chromium's own tree agrees: under each image, every node is ignored or nameless.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      nodeId: string;
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      childIds?: string[];
    }[];
  };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const images = nodes.filter(
    (n) => n.role?.value === 'image' && /^(Error E|Outputs)/.test(n.name?.value ?? ''),
  );
  expect(images).toHaveLength(2);
  for (const image of images) {
    const inside: string[] = [];
    const walk = (ids: string[] = []) => {
      for (const id of ids) {
        const node = byId.get(id);
        if (!node) continue;
        if (
          !node.ignored &&
          (node.name?.value ||
            !['none', 'generic', 'InlineTextBox'].includes(node.role?.value ?? ''))
        )
          inside.push(`${node.role?.value} "${node.name?.value ?? ''}"`);
        walk(node.childIds);
      }
    };
    walk(image.childIds);
    expect(inside, image.name?.value).toEqual([]);
  }
});

test('each figure has its data as a table, and the name and the table follow the data after a run', async ({
  page,
}) => {
  await page.goto(`${PAGE}?mazur.steps=300`);
  await goLive(page);
  const loss = figure(page, 'loss');
  const table = loss.getByRole('table', {
    name: 'The error E at some of the steps the figure shows',
  });
  await expect(table.getByRole('columnheader')).toHaveText(['Step', 'Error E']);
  await expect(table.getByRole('rowheader')).toHaveText(['0', '1', '10', '100', '300']);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText('0.2984');
  const outputs = figure(page, 'outputs').getByRole('table', {
    name: 'The outputs at some of the steps the figure shows',
  });
  await expect(outputs.getByRole('columnheader')).toHaveText([
    'Step',
    'out o1 (target t1 = 0.01)',
    'out o2 (target t2 = 0.99)',
  ]);
  // A first run, then a second from where it ended: the figures now start at the first's end.
  await action(page, 'train').click();
  await expect(status(page)).toContainText('Trained 300 steps', { timeout: 15_000 });
  const end = await panel(page).locator('[data-cell="E.new"]').getAttribute('data-raw');
  await action(page, 'train').click();
  await expect(status(page)).toHaveText(
    new RegExp(`^Trained 300 steps: E went from ${formatError(Number(end))} to`),
    { timeout: 15_000 },
  );
  const last = await panel(page).locator('[data-cell="E.new"]').getAttribute('data-raw');
  await expect(loss.getByRole('img')).toHaveAccessibleName(
    `Error E falls from ${formatError(Number(end))} to ${formatError(Number(last))} over 300 steps, on a log scale.`,
  );
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(
    formatError(Number(end)),
  );
  await expect(table.getByRole('row').last().getByRole('cell')).toHaveText(
    formatError(Number(last)),
  );
  await expect(loss.getByRole('group')).toHaveCount(0);
});

test('a run is announced when it starts and when it ends, never frame by frame', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const announced = await panel(page).evaluate(async (el) => {
    const regions = [...el.querySelectorAll('[aria-live], [role="status"], [role="alert"]')];
    // The figures, their names and their tables are outside every live region.
    const inLive = el.querySelector('figure')?.closest('[aria-live], [role="status"]');
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      for (const r of regions)
        if (r.textContent && said.at(-1) !== r.textContent) said.push(r.textContent);
    });
    for (const r of regions)
      observer.observe(r, { childList: true, characterData: true, subtree: true });
    const train = el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!;
    train.click();
    let frames = 0;
    while (train.textContent === 'Stop' || frames === 0) {
      await new Promise(requestAnimationFrame);
      frames++;
    }
    await new Promise(requestAnimationFrame);
    observer.disconnect();
    return { said, frames, inLive: inLive !== null && inLive !== undefined };
  });
  expect(announced.frames).toBeGreaterThan(5);
  expect(announced.inLive).toBe(false);
  expect(announced.said).toEqual([
    'Training 10,000 steps…',
    'Trained 10,000 steps: E went from 0.2984 to 0.0000351.',
  ]);
});

/** Contrast of every curve, dot and target line of the panel's figures against the page. */
function figureContrasts(page: Page) {
  return page.evaluate(() => {
    const rgba = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) throw new Error(`not a colour: ${css}`);
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const panelEl = document.querySelector('live-training')!;
    let bgEl: Element | null = panelEl;
    let bg = rgba('rgba(0, 0, 0, 0)');
    while (bgEl && bg[3] === 0) {
      bg = rgba(getComputedStyle(bgEl).backgroundColor);
      bgEl = bgEl.parentElement;
    }
    if (bg[3] === 0) bg = [255, 255, 255, 1];
    const out: { mark: string; paint: string; colour: string; ratio: number }[] = [];
    const marks = panelEl.querySelectorAll(
      'svg [stroke^="var(--training"], svg [fill^="var(--training"]',
    );
    for (const mark of marks) {
      for (const shape of mark.querySelectorAll('path, line, circle')) {
        const style = getComputedStyle(shape);
        let opacity = 1;
        for (let e: Element | null = shape; e && e.tagName !== 'svg'; e = e.parentElement)
          opacity *= Number(getComputedStyle(e).opacity);
        for (const paint of ['stroke', 'fill'] as const) {
          // Only the paint the figure sets (a rule's fill, say, is never drawn).
          if (!mark.getAttribute(paint)?.startsWith('var(--training')) continue;
          const value = style[paint];
          const [r, g, b, a] = rgba(value);
          const alpha =
            a * opacity * Number(paint === 'stroke' ? style.strokeOpacity : style.fillOpacity);
          const seen = [r, g, b].map((c, i) => alpha * c + (1 - alpha) * bg[i]!);
          const [hi, lo] = [luminance(seen), luminance(bg)].sort((x, y) => y - x);
          out.push({
            // Plot's name for the mark: data-mark now, aria-label before the figures became one image.
            mark: `${mark.getAttribute('data-mark') ?? mark.getAttribute('aria-label')} ${mark.getAttribute(paint) ?? ''}`,
            paint,
            colour: value,
            ratio: Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100,
          });
        }
      }
    }
    return out;
  });
}

test('every curve, dot and target line has at least 3:1 contrast in both themes and in print', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  for (const { theme, media } of [
    { theme: 'light', media: 'screen' },
    { theme: 'dark', media: 'screen' },
    { theme: 'dark', media: 'print' },
  ] as const) {
    await page.emulateMedia({ media: 'screen' });
    if (theme === 'dark') await pickTheme(page, theme);
    await page.emulateMedia({ media });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const contrasts = await figureContrasts(page);
    // Both figures: the error line and dot; per output a target line, a line and a dot.
    expect(new Set(contrasts.map((c) => c.mark)).size).toBe(8);
    const low = contrasts.filter((c) => c.ratio < 3).map((c) => ({ theme, media, ...c }));
    expect(low).toEqual([]);
  }
});

test('during a run the progress line and the table show the same step, and the figures move in place, never drawn again, at 4× CPU throttling', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Read both in the same frame, frame after frame, from the click until the run ends.
  const samples = await panel(page).evaluate(async (el) => {
    const text = el.querySelector('.training__progress-text')!;
    const caption = el.querySelector('.training__table caption')!;
    const E = el.querySelector<HTMLElement>('[data-cell="E.new"]')!;
    const train = el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!;
    train.click();
    // Each figure drawn anew by Plot into either figure's holder, and whether the run was on.
    const drawn: boolean[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node.nodeName.toLowerCase() === 'svg') drawn.push(train.textContent === 'Stop');
    });
    for (const holder of el.querySelectorAll('[data-plot]'))
      observer.observe(holder, { childList: true });
    const seen: {
      shown: boolean;
      progress: string;
      caption: string;
      E: number;
      running: boolean;
      busyTables: number;
      drawnWhileRunning: number;
      drawn: number;
    }[] = [];
    for (let i = 0; i < 2000; i++) {
      await new Promise(requestAnimationFrame);
      seen.push({
        // Out of a run the line reads "Step 0 of 10,000"; a run's snapshot adds its error.
        shown: text.textContent.includes(' — E = '),
        progress: text.textContent ?? '',
        caption: caption.textContent ?? '',
        E: Number(E.dataset['raw']),
        running: train.textContent === 'Stop',
        busyTables: el.querySelectorAll('[data-table][aria-busy="true"]').length,
        drawnWhileRunning: drawn.filter(Boolean).length,
        drawn: drawn.length,
      });
      // After the run, its figures and data tables follow in the next frame or two.
      if (!seen.at(-1)!.running && seen.at(-1)!.busyTables === 0) break;
    }
    return seen;
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const steps = new Set<string>();
  // The progress line shows the run with its first slice, which follows the frame of the press.
  expect(samples.findIndex((s) => s.shown)).toBeLessThanOrEqual(2);
  for (const { progress, caption, E } of samples.filter((s) => s.shown)) {
    const match = /^Step ([\d,]+) of 10,000 — E = (\S+)$/.exec(progress);
    expect(match, progress).not.toBeNull();
    const [, step = '', shown = ''] = match!;
    // "The run so far, at step 4,200 of 10,000 (…)", or at the end "What the 10,000 steps just
    // run did (…)".
    const captioned = /(?:at step|What the) ([\d,]+)(?: of 10,000)? /.exec(caption)?.[1];
    expect(captioned, `${progress} / ${caption}`).toBe(step);
    expect(formatError(E), `${progress} / ${caption}`).toBe(shown);
    steps.add(step);
  }
  // The samples caught the run under way at several steps, and its end.
  expect([...steps].filter((s) => s !== '0' && s !== '10,000').length).toBeGreaterThanOrEqual(3);
  expect(samples.at(-1)?.progress).toMatch(/^Step 10,000 of 10,000/);
  // The build drew both figures for this very run (the starting values), on the axes the whole
  // run needs, with their scales: Plot drew neither again, during the run or at its end; each
  // moved on in place. Their data tables waited for the end.
  expect(samples.at(-1)).toMatchObject({ drawnWhileRunning: 0, drawn: 0 });
  expect(samples.some((s) => s.running && s.busyTables === 2)).toBe(true);
  expect(samples.at(-1)).toMatchObject({ running: false, busyTables: 0 });
});

test('a run changes one part of its panel per frame: the table, the figures or the status, never two, up to its end', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  // N typed and Train pressed at once: the figures' axes for 100,000 steps come from the figure
  // worker while the run goes, so its answers arrive during the run.
  await spin(page, 'steps').fill('100000');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const frames = await panel(page).evaluate(async (el) => {
    const train = el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!;
    // Each frame's changes, by part: every mutation observed before a frame belongs to it.
    let frame = 0;
    const parts = new Map<number, Set<string>>();
    const partOf = (node: Node): string | undefined => {
      const element = node instanceof Element ? node : node.parentElement;
      if (!element) return undefined;
      if (element.closest('[data-plot]')) return 'figures';
      if (element.closest('.training__table')) return 'table';
      if (element.closest('.training__status')) return 'status';
      return undefined;
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const part = partOf(record.target);
        if (!part) continue;
        if (!parts.has(frame)) parts.set(frame, new Set());
        parts.get(frame)!.add(part);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['d', 'cx', 'cy', 'data-raw'],
    });
    train.click();
    const started = frame;
    let ended = -1;
    while (ended < 0 || frame < ended + 4) {
      await new Promise(requestAnimationFrame);
      frame++;
      if (ended < 0 && train.textContent !== 'Stop') ended = frame;
      if (frame - started > 5000) break;
    }
    return [...parts].map(([at, kinds]) => ({ at, kinds: [...kinds].sort() }));
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(status(page)).toContainText('Trained 100,000 steps');
  // The table and the figures changed in many frames, the status at the press and at the end
  // (when the run's weights are written to the page, in a frame of their own), and each frame
  // changed one of them.
  for (const part of ['figures', 'table'])
    expect(frames.filter((f) => f.kinds.includes(part)).length, part).toBeGreaterThan(5);
  expect(frames.filter((f) => f.kinds.includes('status')).length).toBeGreaterThanOrEqual(2);
  expect(frames.filter((f) => f.kinds.length > 1)).toEqual([]);
});

test('after an edit the figures preview the run on the axes it needs, so that Train only moves them on', async ({
  page,
}) => {
  // Starting from a link with N = 3,000, the panel computes what Train would do and Plot draws it.
  await page.goto(`${PAGE}?mazur.steps=3000`);
  await goLive(page);
  await expect(status(page)).toHaveText(/^Training 3,000 steps at η = 0.50 would take/, {
    timeout: 15_000,
  });
  await expect(panel(page).locator('.training__figures')).not.toHaveAttribute('aria-busy', 'true');
  const svgs = panel(page).locator('[data-plot] svg');
  await expect(svgs).toHaveCount(2);
  const drawn = await svgs.evaluateAll((figures) => figures.map((svg) => svg.outerHTML));
  await panel(page).evaluate((el) => {
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) added.push(node.nodeName.toLowerCase());
    });
    for (const holder of el.querySelectorAll('[data-plot]'))
      observer.observe(holder, { childList: true });
    Object.assign(window, { added });
  });
  await action(page, 'train').click();
  await expect(status(page)).toContainText('Trained 3,000 steps', { timeout: 15_000 });
  // The figures follow the run's last frame; their data tables stop being busy with them.
  await expect(panel(page).locator('[data-table][aria-busy="true"]')).toHaveCount(0);
  // The run ended where the preview said: the same figures, moved on in place to the same lines.
  expect(await page.evaluate(() => (window as unknown as { added: string[] }).added)).toEqual([]);
  const after = await svgs.evaluateAll((figures) => figures.map((svg) => svg.outerHTML));
  const lines = (html: string) => [...html.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]);
  for (const [i, html] of after.entries()) expect(lines(html)).toEqual(lines(drawn[i]!));
});

test('during a run the figures move on every turn, their captions at most once a second, and at its end the captions sum it up', async ({
  page,
}) => {
  await openWithSteps(page, 100_000);
  const seen = await panel(page).evaluate(async (el) => {
    const status = el.querySelector('.training__status')!;
    const changes: { part: string; at: number }[] = [];
    let ended = false;
    new MutationObserver((records) => {
      ended ||= (status.textContent ?? '').startsWith('Trained ');
      if (ended) return;
      const at = performance.now();
      for (const record of records) {
        const target =
          record.target instanceof Element ? record.target : record.target.parentElement;
        const part = target?.closest('[data-caption]')?.getAttribute('data-caption');
        if (part) changes.push({ part: `caption:${part}`, at });
        else if (record.type === 'attributes' && target?.closest('[data-plot="loss"]'))
          changes.push({ part: 'line', at });
      }
    }).observe(el, {
      subtree: true,
      characterData: true,
      childList: true,
      attributes: true,
      attributeFilter: ['d'],
    });
    el.querySelector<HTMLElement>('[data-action="mazur.train"]')!.click();
    while (!ended) await new Promise((done) => setTimeout(done, 50));
    return changes;
  });
  const times = (part: string) => [
    ...new Set(seen.filter((c) => c.part === part).map((c) => c.at)),
  ];
  // The loss line moved on many times in the 4 s run; each caption changed a few times, once a
  // second at most.
  expect(times('line').length).toBeGreaterThan(10);
  for (const part of ['caption:loss', 'caption:outputs']) {
    const at = times(part);
    expect(at.length, part).toBeGreaterThanOrEqual(1);
    expect(at.length, part).toBeLessThanOrEqual(5);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, part).toBeGreaterThan(950);
  }
  await expect(panel(page).locator('[data-caption="loss"]')).toHaveText(/^Trained 100,000 steps/);
  await expect(panel(page).locator('[data-caption="outputs"]')).toContainText(
    'After 100,000 steps',
  );
});

test('Train pressed as soon as N is typed draws the loss figure with decades of room below its line, so that Plot draws it again at most twice as E falls', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  type Drawn = { running: boolean; lowestTick: number; E: number };
  await panel(page).evaluate((el) => {
    const train = el.querySelector<HTMLButtonElement>('[data-action="mazur.train"]')!;
    const E = el.querySelector<HTMLElement>('[data-cell="E.new"]')!;
    const drawn: Drawn[] = [];
    const holder = el.querySelector('[data-plot="loss"]')!;
    new MutationObserver(() => {
      const scales = JSON.parse(holder.querySelector('svg')?.dataset['scales'] ?? '{}') as {
        y?: { domain: number[] };
      };
      drawn.push({
        running: train.textContent === 'Stop',
        lowestTick: scales.y?.domain[0] ?? NaN,
        // The figure ends on the snapshot the table shows.
        E: Number(E.dataset['raw']),
      });
    }).observe(holder, { childList: true });
    // How often each figure's data table is written.
    const tables: Record<string, number> = {};
    for (const table of el.querySelectorAll<HTMLElement>('[data-table]')) {
      const name = table.dataset['table'] ?? '';
      tables[name] = 0;
      new MutationObserver(() => tables[name]!++).observe(table, { childList: true });
    }
    Object.assign(window, { drawn, tables });
    // N typed and Train pressed in one task: the preview of the new run (and its axes), which
    // waits for the edits to pause, has not been computed. With a pause between them, as a
    // busy machine can make between two of the test's steps, the preview's axes may hold the
    // whole run, and Plot need not draw during it at all.
    const steps = el.querySelector<HTMLInputElement>('[data-param="mazur.steps"]')!;
    steps.value = '100000';
    steps.dispatchEvent(new Event('input', { bubbles: true }));
    train.click();
  });
  await expect(status(page)).toContainText('Trained 100,000 steps', { timeout: 30_000 });
  await expect(panel(page).locator('[data-table][aria-busy="true"]')).toHaveCount(0);
  const decade = (x: number) => Math.floor(Math.log10(x));
  const lastE = Number(await panel(page).locator('[data-cell="E.new"]').getAttribute('data-raw'));
  expect(lastE).toBeLessThan(1e-8);
  // The run's last figure is on its own axes, down to the power of ten below its last E: drawn
  // again by Plot, from the figure worker, which on a busy machine answers well after the run
  // has ended; or moved on in place, where the last figure drawn during the run has those axes.
  const lowestDecade = () =>
    panel(page)
      .locator('[data-plot="loss"] svg')
      .evaluate((svg) => {
        const scales = JSON.parse((svg as SVGElement).dataset['scales'] ?? '{}') as {
          y?: { domain: number[] };
        };
        return Math.round(Math.log10(scales.y?.domain[0] ?? NaN));
      });
  await expect.poll(lowestDecade, { timeout: 20_000 }).toBe(decade(lastE));
  const drawn = await page.evaluate(() => (window as unknown as { drawn: Drawn[] }).drawn);
  // E falls from 0.2984 to about 7e-9, past eight powers of ten. Each figure Plot draws during
  // the run reaches three decades below its line as it was when asked for (in the figure worker,
  // while the run goes on, so E may be lower by the time it comes), and the line falls into them
  // in place: the first reaches 10⁻⁴ at least, and three figures cover the run.
  const during = drawn.filter((d) => d.running);
  expect(during.length).toBeGreaterThanOrEqual(1);
  expect(during.length).toBeLessThanOrEqual(3);
  for (const d of during)
    expect(Math.round(Math.log10(d.lowestTick))).toBeGreaterThanOrEqual(decade(d.E) - 3);
  expect(Math.round(Math.log10(during[0]!.lowestTick))).toBeLessThanOrEqual(-4);
  // The data tables wait for the run's end (aria-busy), and are then written once, though the
  // figures are drawn twice: moved on where they can be, then the figure Plot drew for the end.
  const tables = await page.evaluate(() => (window as unknown as { tables: object }).tables);
  expect(tables).toEqual({ loss: 1, outputs: 1 });
});

test('the figures are drawn off the page, in the figure worker, and on the page if that worker fails', async ({
  page,
  consoleErrors,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(PAGE);
  await goLive(page);
  const label = panel(page).locator('[data-plot="loss"] svg');
  await spin(page, 'eta').fill('0.25');
  await expect(label).toHaveAttribute('aria-label', /over 10,000 steps/);
  await expect(label).not.toHaveAttribute('aria-label', /to 0\.0000351 over/);
  // The page itself never loaded Plot: the worker did.
  expect(requests.some((path) => /figure-worker/.test(path))).toBe(true);
  expect(requests.some((path) => /plot-lib/.test(path))).toBe(false);

  // A page whose worker cannot load draws the same figure itself, and says why once.
  const second = await page.context().newPage();
  await second.route(/figure-worker/, (route) => route.abort());
  second.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await second.goto(PAGE);
  await goLive(second);
  await spin(second, 'eta').fill('0.25');
  const fallback = panel(second).locator('[data-plot="loss"] svg');
  await expect(fallback).not.toHaveAttribute('aria-label', /to 0\.0000351 over/);
  expect(await fallback.getAttribute('aria-label')).toBe(await label.getAttribute('aria-label'));
  expect(consoleErrors.join('\n')).toContain('The figure worker failed');
  consoleErrors.splice(0);
});
