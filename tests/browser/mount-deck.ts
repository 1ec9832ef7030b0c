// Shared by the browser tests: the real deck, embedded in the test page at 1280×720.
import type { RevealApi } from 'reveal.js';
import { afterAll, beforeAll } from 'vitest';
import { warmPlot } from '../../src/charts/render.ts';
import { buildDeck } from '../../src/deck/build.ts';
import { lectureToc } from '../../src/toc/tree.ts';
import { lectureSlides } from '../../slides/index.ts';

export async function mountDeck(): Promise<{ deck: RevealApi; root: HTMLElement }> {
  document.body.style.margin = '0';
  const root = document.createElement('div');
  root.className = 'reveal';
  root.style.cssText = 'width:1280px;height:720px;position:relative';
  document.body.append(root);
  const deck = await buildDeck(root, {
    toc: lectureToc,
    slides: lectureSlides,
    config: { embedded: true, hash: false, transition: 'none', fragments: false },
  });
  return { deck, root };
}

export interface PanelDeck {
  readonly deck: RevealApi;
  readonly root: HTMLElement;
  /** Goes to the slide that holds `el` (a panel). */
  show(el: Element): void;
}

/**
 * The deck, for every test of the calling file: mounted before the first (stored
 * results cleared, Plot warmed so no test pays for its first chart), destroyed
 * after the last. The test file registers the panels itself.
 */
export function usePanelDeck(): PanelDeck {
  let mounted: { deck: RevealApi; root: HTMLElement } | undefined;
  const get = () => {
    if (!mounted) throw new Error('the deck is mounted in beforeAll: use it inside a test');
    return mounted;
  };
  beforeAll(async () => {
    localStorage.clear();
    mounted = await mountDeck();
    await warmPlot();
  });
  afterAll(() => mounted?.deck.destroy());
  return {
    get deck() {
      return get().deck;
    },
    get root() {
      return get().root;
    },
    show(el) {
      const section = el.closest('section');
      if (!section) throw new Error(`${el.id || el.tagName} is on no slide`);
      const { h, v } = get().deck.getIndices(section);
      get().deck.slide(h, v);
    },
  };
}

/** Polls `cond` until it holds; fails with `what` after `timeoutMs`. */
export async function until(cond: () => boolean, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
