import { goLive, type Page } from './fixtures.ts';

// The training panel, <Training model="mazur" />, on the backpropagation chapter, as the training
// specs find it: its actions are data-action="mazur.step|train|reset", its settings spinbuttons.
export const PAGE = '/chapters/backprop/';

export const panel = (page: Page) => page.locator('live-training').first();
export const action = (page: Page, name: string) =>
  panel(page).locator(`[data-action="mazur.${name}"]`);
export const status = (page: Page) => panel(page).locator('.training__status');
export const spin = (page: Page, param: string) =>
  panel(page).locator(`[role="spinbutton"][data-param="mazur.${param}"]`);

/** Opens the chapter, live, with the panel's N set to `steps` (and the edit made). */
export async function openWithSteps(page: Page, steps: number): Promise<void> {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'steps').fill(String(steps));
  await spin(page, 'steps').press('Enter');
}
