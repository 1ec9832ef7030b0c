// Measures the deck's first load against a bare reveal.js deck with the same
// theme, in one browser run, alternating the two (fresh context, empty cache each
// time), and prints the bytes each ships before its first slide. A tool, not a test:
//   npx tsx tests/e2e/first-load.ts [rounds]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium } from './browser.ts';
import { serveStatic } from './static-server.ts';

const root = resolve(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 7);
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

async function main(): Promise<void> {
  const deckDir = mkdtempSync(join(tmpdir(), 'first-load-deck-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'first-load-bare-'));
  await build({ root, logLevel: 'warn', build: { outDir: deckDir, emptyOutDir: true } });
  await build({ root: join(root, 'tests/e2e/bare-deck'), configFile: false, base: './', logLevel: 'warn', build: { outDir: bareDir, emptyOutDir: true } });
  const [deck, bare] = [await serveStatic(deckDir, { headers: isolation }), await serveStatic(bareDir, { headers: isolation })];
  const browser = await launchChromium();
  const times: Record<'deck' | 'bare', number[]> = { deck: [], bare: [] };
  const bytes: Record<'deck' | 'bare', { js: number; css: number }> = { deck: { js: 0, css: 0 }, bare: { js: 0, css: 0 } };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [name, server] of [['deck', deck], ['bare', bare]] as const) {
        const context = await browser.context.browser()!.newContext();
        const page = await context.newPage();
        let js = 0;
        let css = 0;
        page.on('response', async (res) => {
          const type = res.request().resourceType();
          if (type !== 'script' && type !== 'stylesheet') return;
          const body = await res.body().catch(() => Buffer.alloc(0));
          const size = gzipSync(body, { level: 9 }).length;
          if (type === 'script') js += size;
          else css += size;
        });
        await page.addInitScript(() => {
          new MutationObserver((_, obs) => {
            if (document.querySelector('.reveal.ready')) {
              (window as unknown as { __readyAt: number }).__readyAt = performance.now();
              obs.disconnect();
            }
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
        });
        await page.goto(`${server.origin}/`);
        await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, { timeout: 60_000 });
        times[name].push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
        await page.waitForTimeout(300);
        if (r === 0) bytes[name] = { js, css };
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await deck.close();
    await bare.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const name of ['deck', 'bare'] as const) {
    console.log(`${name}: Reveal ready at ${times[name].map((t) => t.toFixed(0)).join(', ')} ms (median ${median(times[name]).toFixed(0)}); first load JS ${(bytes[name].js / 1024).toFixed(1)} KiB gzip, CSS ${(bytes[name].css / 1024).toFixed(1)} KiB gzip (JS and CSS fetched in the first 300 ms after ready)`);
  }
  console.log(`ratio deck / bare (medians): ${(median(times.deck) / median(times.bare)).toFixed(2)}×`);
  const assets = readdirSync(join(deckDir, 'assets'));
  const main = assets.filter((f) => /^main-.*\.js$/.test(f)).map((f) => gzipSync(readFileSync(join(deckDir, 'assets', f)), { level: 9 }).length);
  console.log(`deck entry chunk: ${main.map((b) => (b / 1024).toFixed(1)).join(', ')} KiB gzip`);
  rmSync(deckDir, { recursive: true, force: true });
  rmSync(bareDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
