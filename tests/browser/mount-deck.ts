// Shared by the browser tests: the real deck, embedded in the test page at 1280×720.
import type { RevealApi } from 'reveal.js';
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

/** Polls `cond` until it holds; fails with `what` after `timeoutMs`. */
export async function until(cond: () => boolean, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
