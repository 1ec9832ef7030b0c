// The panels inside the real deck: every slot the slide model leaves becomes a
// working <bench-panel> with valid variant ids, and a few are run in place
// (reveal's scaling and theme around them). With VITE_PANEL_SHOTS=1 each run
// slide is photographed at 1280×720.
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { until, usePanelDeck } from './mount-deck.ts';
import { lectureSlides } from '../../slides/index.ts';
import './real-panels.ts';
import { knownVariant } from '../../src/panels/memory-guard.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';

const SHOTS = import.meta.env.VITE_PANEL_SHOTS === '1';
const deck = usePanelDeck();

describe('panels in the deck', () => {
  it('every panel a slide declares is a working <bench-panel>, and every variant id it names exists', () => {
    const declared = lectureSlides.flatMap((s) => (s.bench ? [s.bench] : []));
    expect(declared.length).toBeGreaterThan(10);
    expect(new Set(declared.map((d) => d.id)).size, 'panel ids are unique (they key stored results)').toBe(declared.length);
    for (const { id, ...attrs } of declared) {
      const panel = deck.root.querySelector(`#bench-${id}`);
      expect(panel, id).not.toBeNull();
      expect(panel!.querySelector('button'), `${id} rendered its controls`).not.toBeNull();
      if (attrs.kind === 'summary' || !attrs.variants) continue;
      expect(panel!.getAttribute('variants'), `${id}: the list is rendered as the attribute the panel reads`).toBe(attrs.variants.join(','));
      for (const v of attrs.variants) expect(knownVariant(v), `${id}: ${v}`).toBe(true);
    }
  });

  for (const id of ['element-vectorised', 'profile-naive', 'layout', 'pool-element', 'pool', 'shared', 'summary-all']) {
    it(`runs the ${id} panel in place`, async () => {
      const panel = deck.root.querySelector<BenchPanel>(`#bench-${id}`)!;
      expect(panel).not.toBeNull();
      deck.show(panel);
      // The closing ladder's own Run ("Measure the ladder") is not pressed here: it reads what the others kept.
      const run = id === 'summary-all' ? null : panel.querySelector<HTMLButtonElement>('button.bp-run');
      if (run) {
        // Keep the slow ones small: this checks wiring and looks, not speed.
        const set = (name: string, value: string) => {
          const el = panel.querySelector<HTMLInputElement>(`[name="${name}"]`);
          if (el) {
            el.value = value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }
        };
        if (id === 'shared') set('l', '2000');
        if (id === 'pool' || id === 'layout') set('l', '1000');
        if (id !== 'profile-naive') set('samples', '5');
        run.click();
        await until(() => panel.getAttribute('aria-busy') === 'true', 5000, 'busy');
        await until(() => panel.getAttribute('aria-busy') !== 'true', 120_000, 'done');
        expect(panel.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
      } else {
        const select = panel.querySelector<HTMLSelectElement>('select[name="ladder-shape"]')!;
        // The summary redraws from the kept results once its slide is on screen.
        await until(() => [...select.options].some((o) => o.value === '200x10x400-f64'), 5000, 'the kept shape in the menu');
        select.value = '200x10x400-f64';
        select.dispatchEvent(new Event('change'));
        await until(() => panel.querySelector('.bp-table tbody tr') !== null, 5000, 'summary');
      }
      expect(panel.querySelector('.bp-table tbody tr')).not.toBeNull();
      expect(panel.textContent).not.toMatch(/✗ WRONG/);
      await new Promise((r) => setTimeout(r, 150));
      if (SHOTS) await page.screenshot({ path: `__screenshots__/panel-kinds/deck-${id}.png` });
    });
  }
});
