// Runs every live panel of the deck, as a presenter would before a talk, and
// saves one 1280×720 screenshot per panel after its run, plus a summary of the
// measured medians. Usage:
//   npx tsx tests/e2e/run-panels.ts [outdir] [--only ID,ID]
// It measures for real, so it takes minutes; it is a tool, not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from './browser.ts';

interface PanelReport {
  id: string;
  slide: string;
  heading: string;
  ms: number;
  status: string;
  table: string;
  errors: string[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args.find((a) => !a.startsWith('--')) ?? 'screenshots/panels';
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set(args[onlyAt + 1]?.split(',')) : null;
  mkdirSync(outDir, { recursive: true });

  const server = await createServer({ server: { port: 0, open: false, hmr: false, watch: null }, logLevel: 'warn' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('server has no local URL');
  const browser = await launchChromium();
  const reports: PanelReport[] = [];
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => (window as any).deck?.isReady());
    await page.evaluate(() => (window as any).deck.configure({ fragments: false, transition: 'none' }));
    const panels: { id: string; h: number; v: number }[] = await page.evaluate(() => {
      const deck = (window as any).deck;
      return Array.from(document.querySelectorAll('bench-panel')).map((p) => {
        const slide = p.closest('section')!;
        const { h, v } = deck.getIndices(slide);
        return { id: p.id, h, v: v ?? 0 };
      });
    });
    for (const { id, h, v } of panels) {
      if (only && !only.has(id.replace(/^bench-/, ''))) continue;
      errors.length = 0;
      await page.evaluate(([h, v]) => (window as any).deck.slide(h, v), [h, v]);
      await page.waitForTimeout(300);
      const panel = page.locator(`#${id}`);
      const started = Date.now();
      const done = () =>
        page.waitForFunction((pid) => !document.getElementById(pid)?.hasAttribute('aria-busy'), id, { timeout: 600_000, polling: 250 });
      const run = panel.locator('.bp-run');
      if ((await run.count()) > 0 && (await run.isEnabled())) {
        await run.click();
        await page.waitForTimeout(200);
        await done();
      }
      const main = panel.locator('.bp-main-thread');
      if ((await main.count()) > 0) {
        await main.click();
        await page.waitForTimeout(200);
        await done();
      }
      await page.waitForTimeout(500); // let the lazily drawn chart settle
      const file = `${id}.png`;
      await page.screenshot({ path: join(outDir, file) });
      reports.push({
        id,
        slide: `${h}/${v}`,
        heading: await page.evaluate(() => (window as any).deck.getCurrentSlide().querySelector('h1,h2')?.textContent ?? ''),
        ms: Date.now() - started,
        status: (await panel.locator('.bp-status').textContent())?.trim() ?? '',
        table: (await panel.locator('.bp-table-box').innerText()).trim(),
        errors: [...errors],
      });
      process.stderr.write(`${id}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync(join(outDir, 'panels.json'), JSON.stringify(reports, null, 2));
  for (const r of reports) process.stdout.write(`\n## ${r.heading} (${r.id}, #/${r.slide})\n${r.status}\n${r.table}\n${r.errors.length ? `errors: ${r.errors.join(' | ')}\n` : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
