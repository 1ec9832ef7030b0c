// Self-study on a phone or a tablet held upright: below PAGE_MODE_MAX_WIDTH the
// deck opens in reveal's scroll view with its scaling off (disableLayout), and
// deck.css lays each slide out as a section of a page (html.deck-page): the
// text at a readable size, columns stacked, the panel under its text. Print and
// the speaker view's previews keep their own layouts.
import type { RevealConfig } from 'reveal.js';
import { viewContext } from './view-context.ts';

/** At or below this viewport width the deck reads as a page. */
export const PAGE_MODE_MAX_WIDTH = 820;

/** Whether this window should get the page layout. Pure over what it reads from `win`. */
export function usePageMode(win: Pick<Window, 'innerWidth' | 'location'> & { matchMedia?: Window['matchMedia'] }): boolean {
  const ctx = viewContext(win.location.search);
  if (ctx === 'print' || ctx === 'speaker-preview') return false;
  const narrow = win.matchMedia ? win.matchMedia(`(max-width: ${PAGE_MODE_MAX_WIDTH}px)`).matches : win.innerWidth <= PAGE_MODE_MAX_WIDTH;
  return narrow;
}

/** reveal.js options of the page layout: the scroll view, no scaling, no snapping, no fragments held back. */
export const pageModeConfig: RevealConfig = {
  view: 'scroll',
  // reveal's scroll view places slides by its own page heights, which this layout
  // changes: the URL's #/h/v is followed by followHash() instead.
  hash: false,
  disableLayout: true,
  scrollSnap: false,
  scrollProgress: false,
  scrollLayout: 'compact',
  fragments: false,
  controls: false,
  slideNumber: false,
};

/** "#/3/6" → { h: 3, v: 6 }; null for anything else. Pure. */
export function parseSlideHash(hash: string): { h: number; v: number } | null {
  const m = /^#\/(\d+)(?:\/(\d+))?/.exec(hash);
  return m ? { h: Number(m[1]), v: Number(m[2] ?? 0) } : null;
}

/**
 * Deep links in the page layout: open at the slide the URL names, and keep the
 * URL naming the slide at the top of the screen while reading, so a link
 * copied from a phone opens the same slide on a laptop.
 */
export function followHash(doc: Document): void {
  const win = doc.defaultView;
  if (!win) return;
  const sections = () => [...doc.querySelectorAll<HTMLElement>('.reveal .slides section[data-index-h]')];
  const at = parseSlideHash(win.location.hash);
  const find = (h: number, v: number) => doc.querySelector<HTMLElement>(`.reveal .slides section[data-index-h="${h}"][data-index-v="${v}"]`);
  const target = at ? (find(at.h, at.v) ?? find(at.h, 0)) : null;
  // Kept results drawn above the target after load push it down: scroll again
  // for a moment, until the reader scrolls by themselves.
  let reader = false;
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) doc.addEventListener(type, () => (reader = true), { once: true, passive: true });
  if (target) {
    const go = () => !reader && target.scrollIntoView({ block: 'start' });
    win.requestAnimationFrame(go);
    for (const ms of [300, 800, 1500, 2500]) win.setTimeout(go, ms);
  }
  let pending = false;
  const name = () => {
    pending = false;
    const line = 60;
    const here = sections().find((s) => {
      const r = s.getBoundingClientRect();
      return r.top <= line && r.bottom > line;
    });
    if (!here) return;
    const v = here.dataset.indexV ?? '0';
    const hash = `#/${here.dataset.indexH}${v !== '0' ? `/${v}` : ''}`;
    if (win.location.hash !== hash) win.history.replaceState(null, '', hash);
  };
  doc.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      win.requestAnimationFrame(name);
    },
    { capture: true, passive: true },
  );
}

/**
 * reveal marks every slide but the current one aria-hidden, which in a page
 * where all of them are on screen would hide readable, focusable content from
 * assistive technology (axe: aria-hidden-focus). In the page layout the marks go.
 */
export function keepSlidesExposed(doc: Document): void {
  const slides = doc.querySelector('.reveal .slides');
  if (!slides) return;
  const clear = () => {
    for (const s of slides.querySelectorAll('section[aria-hidden], section[inert]')) {
      s.removeAttribute('aria-hidden');
      s.removeAttribute('inert');
    }
  };
  clear();
  new MutationObserver(clear).observe(slides, { subtree: true, attributes: true, attributeFilter: ['aria-hidden', 'inert'] });
}
