import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from '../../scripts/serve-dist.mjs';

// The browser tests' server (scripts/serve-dist.mjs) must answer as the built site's host would:
// a page for a path ending in `/`, the file for a file, and the 404 page for anything else,
// never a file outside the site.
describe('serve-dist', () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  const site = join(root, 'dist');
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    mkdirSync(join(site, 'chapters', 'neuron'), { recursive: true });
    mkdirSync(join(site, '_astro'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(site, '404.html'), '<h1>404</h1>');
    writeFileSync(join(site, 'chapters', 'neuron', 'index.html'), '<h1>neuron</h1>');
    writeFileSync(join(site, '_astro', 'page.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'outside the site');
    server = createServer(staticHandler(site));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(origin + path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it("serves a page's index.html for its path, whatever the query", async () => {
    expect(await get('/')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<h1>home</h1>',
    });
    const page = await get('/chapters/neuron/?neuron.w1=2#exercises');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<h1>neuron</h1>');
  });

  it('serves a file with its type', async () => {
    expect(await get('/_astro/page.js')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'export {};',
    });
  });

  it('answers anything else with the 404 page and status 404', async () => {
    for (const path of ['/chapters/neuron', '/chapters/', '/no-such-page/', '/%E0%A4%A']) {
      expect(await get(path), path).toEqual({
        status: 404,
        type: 'text/html; charset=utf-8',
        body: '<h1>404</h1>',
      });
    }
  });

  it('never serves a file outside the site', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/_astro/..%2f..%2fsecret.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside the site');
    }
  });
});
