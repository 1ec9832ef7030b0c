// One PNG per slide at 1280×720, with every fragment shown, plus a report of the
// slides whose content overflows. Usage:
//   npx tsx tests/e2e/screenshots.ts [outdir] [--dist]
// Default: a Vite dev server on the sources; --dist: `vite preview` of dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { launchChromium } from './browser.ts';

interface SlideReport {
  file: string;
  h: number;
  v: number;
  heading: string;
  overflowY: number;
  overflowX: number;
  katexErrors: number;
  regionErrors: number;
}

async function main() {
  const args = process.argv.slice(2);
  const useDist = args.includes('--dist');
  const outDir = args.find((a) => !a.startsWith('--')) ?? 'screenshots';
  mkdirSync(outDir, { recursive: true });

  const server = useDist ? await preview({ preview: { port: 0, open: false } }) : await createServer({ server: { port: 0, open: false, hmr: false, watch: null } });
  if (!useDist) await (server as Awaited<ReturnType<typeof createServer>>).listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('server has no local URL');

  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const page = await browser.context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url);
    await page.waitForFunction(() => (window as any).deck?.isReady());
    await page.evaluate(() => (window as any).deck.configure({ fragments: false, transition: 'none', controls: false, progress: false }));
    await page.evaluate(() => document.fonts.ready);
    const positions: { h: number; v: number }[] = await page.evaluate(() => {
      const deck = (window as any).deck;
      return deck.getSlides().map((s: Element) => {
        const { h, v } = deck.getIndices(s);
        return { h, v: v ?? 0 };
      });
    });
    const reports: SlideReport[] = [];
    for (const [n, { h, v }] of positions.entries()) {
      await page.waitForFunction(() => (window as any).deck?.isReady());
      const info = await page.evaluate(
        ([h, v]) => {
          const deck = (window as any).deck;
          deck.slide(h, v);
          const s = deck.getCurrentSlide() as HTMLElement;
          return {
            heading: s.querySelector('h1,h2')?.textContent ?? '',
            overflowY: s.scrollHeight - s.clientHeight,
            overflowX: s.scrollWidth - s.clientWidth,
            katexErrors: s.querySelectorAll('.katex-error').length,
            regionErrors: s.querySelectorAll('.region-error').length,
          };
        },
        [h, v],
      );
      await page.waitForTimeout(150);
      const file = `slide-${String(n + 1).padStart(2, '0')}-${h}-${v}.png`;
      await page.screenshot({ path: join(outDir, file) });
      reports.push({ file, h, v, ...info });
    }
    writeFileSync(join(outDir, 'report.json'), JSON.stringify({ url, slides: reports, errors }, null, 2));
    const bad = reports.filter((r) => r.overflowY > 1 || r.overflowX > 1 || r.katexErrors || r.regionErrors);
    console.log(`${reports.length} slides → ${outDir}`);
    for (const r of bad) console.log(`  ${r.file} "${r.heading}": overflow y=${r.overflowY} x=${r.overflowX}, katex errors ${r.katexErrors}, region errors ${r.regionErrors}`);
    if (errors.length) console.log('console errors:\n  ' + errors.join('\n  '));
  } finally {
    await browser.close();
    await (server as { close(): Promise<void> }).close?.();
    if ('httpServer' in server && server.httpServer) server.httpServer.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
