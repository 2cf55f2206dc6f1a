import type { CDPSession, Page } from '@playwright/test';
import { unfolded } from './fixtures.ts';

// Every Tab stop has a role and a name (issue 9, §5): a keyboard or screen-reader user who lands
// on it hears what it is. Live read-outs are text, not Tab stops; a formula or table wide enough
// to scroll is one, as a group named "Formula" or a named table.

const CANDIDATES =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, ' +
  '[tabindex], [contenteditable]';

/** Roles that say nothing about what an element is. */
const NO_ROLE = new Set(['generic', 'none', 'presentation', 'StaticText', 'InlineTextBox', '']);

/**
 * Every element a Tab press can reach that has no role or no name, described by its start tag,
 * read from the browser's own accessibility tree (through CDP, so it works without JavaScript).
 *
 * A widget that redraws while the scan runs (a figure training in the background) can remove an
 * element between the query and its reading, and CDP then fails on the stale node: the scan starts
 * again on the page as it is then, so that every Tab stop it reports on belongs to one DOM.
 */
export async function unnamedTabStops(page: Page): Promise<string[]> {
  // A control in a block still waiting to be shown is not a Tab stop yet.
  await unfolded(page);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await scan(cdp);
      } catch (error) {
        const stale = /Could not find node|No node with given id/.test(String(error));
        if (!stale || attempt === 5) throw error;
      }
    }
  } finally {
    await cdp.detach();
  }
}

async function scan(cdp: CDPSession): Promise<string[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: CANDIDATES,
  });
  const problems: string[] = [];
  for (const nodeId of nodeIds) {
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const attrs = new Map<string, string>();
    for (let i = 0; i < attributes.length; i += 2) attrs.set(attributes[i]!, attributes[i + 1]!);
    if (attrs.has('disabled') || Number(attrs.get('tabindex') ?? 0) < 0) continue;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    });
    const node = nodes[0];
    // Not rendered (display: none, a closed dialog): not a Tab stop.
    if (!node || node.ignored) continue;
    const role = String(node.role?.value ?? '');
    const name = String(node.name?.value ?? '').trim();
    if (NO_ROLE.has(role) || name === '') {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      problems.push(`${role || 'no role'}, name "${name}": ${outerHTML.slice(0, 90)}`);
    }
  }
  return problems;
}
