// How the bench scripts (`npm run bench`, `npm run bench:parallel`) reach a real
// browser: a Vite dev server with the project's config (COOP/COEP headers) on a
// free port, and headless Chromium on one page of it. The page's errors and
// warnings go to stderr, so stdout carries only what the script prints.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const log = (message: string): void => void process.stderr.write(`${message}\n`);

export interface BenchPageOptions {
  /** Chromium flags on top of the project's own (e.g. the WebGPU flag). */
  readonly extraArgs?: readonly string[];
}

/**
 * Opens `pagePath` (relative to the project root), waits until `ready()` holds in
 * the page, then hands the page to `use`. Server and browser are closed afterwards,
 * whatever `use` does.
 */
export async function withBenchPage<T>(
  pagePath: string,
  ready: () => boolean,
  use: (page: Page) => Promise<T>,
  { extraArgs = [] }: BenchPageOptions = {},
): Promise<T> {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'error', // Vite's errors go to stderr; its banner would pollute stdout
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, watch: null },
    // Pre-bundle the one dependency up front: discovering it on first load makes Vite
    // reload the page, which would lose the evaluate() in flight.
    optimizeDeps: { include: ['comlink'], noDiscovery: true },
  });
  let browser: Browser | undefined;
  try {
    await server.listen();
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('Vite did not report a local URL');
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, ...extraArgs], headless: true });
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') log(`[page ${msg.type()}] ${msg.text()}`);
    });
    page.on('pageerror', (err) => log(`[page error] ${err.message}`));
    await page.goto(new URL(pagePath, base).href);
    await page.waitForFunction(ready, undefined, { timeout: 30_000 });
    return await use(page);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}
