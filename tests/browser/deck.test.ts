// The real deck rendered in the test page (reveal.js embedded at 1280×720).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevealApi } from 'reveal.js';
import { mountDeck } from './mount-deck.ts';
import { lectureToc } from '../../src/toc/tree.ts';
import { entryAt } from '../../src/toc/toc.ts';

const consoleErrors: string[] = [];
let deck: RevealApi;
let root: HTMLElement;

beforeAll(async () => {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => consoleErrors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => consoleErrors.push(String(e.reason)));
  ({ deck, root } = await mountDeck());
  await document.fonts.ready;
});

afterAll(() => deck?.destroy());

const slides = () => Array.from(root.querySelectorAll<HTMLElement>('.slides section:not(.stack)'));

describe('the deck', () => {
  it('loads without console errors', () => {
    expect(deck.isReady()).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('has every section and subsection title as a numbered heading', () => {
    const headings = new Set(Array.from(root.querySelectorAll('h1, h2')).map((h) => h.textContent?.trim()));
    expect(headings.has(lectureToc.title)).toBe(true);
    lectureToc.entries.forEach((section, s) => {
      expect(headings.has(`${s + 1}. ${section.title}`), section.title).toBe(true);
      section.children.forEach((sub, u) => expect(headings.has(`${s + 1}.${u + 1}. ${sub.title}`), sub.title).toBe(true));
    });
    expect(slides().length).toBeGreaterThan(50);
  });

  it('emphasises the current entries on every TOC slide', () => {
    const tocSlides = root.querySelectorAll<HTMLElement>('section.toc-slide');
    expect(tocSlides.length).toBe(5 + 8);
    for (const slide of tocSlides) {
      const ids = slide.dataset.toc!.split('.').map(Number);
      const expected = ids.map((_, d) => entryAt(lectureToc, ids.slice(0, d + 1)).title);
      const current = Array.from(slide.querySelectorAll('strong[aria-current="true"]')).map((e) => e.textContent);
      expect(current).toEqual(expected);
    }
    // The title slide emphasises nothing.
    expect(root.querySelector('section.title-slide strong[aria-current]')).toBeNull();
  });

  it('typesets every formula with KaTeX', () => {
    expect(root.querySelectorAll('.katex').length).toBeGreaterThan(40);
    expect(root.querySelectorAll('.katex-error')).toHaveLength(0);
    // No raw TeX or stray $ left in the slide text once the typeset formulas are removed.
    const leftovers = Array.from(root.querySelectorAll<HTMLElement>('.slides p, .slides li, .slides h3'))
      .map((e) => {
        const copy = e.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.katex, code, pre').forEach((k) => k.remove());
        return copy.textContent ?? '';
      })
      .filter((t) => /\\[a-zA-Z]+|\$/.test(t));
    expect(leftovers).toEqual([]);
  });

  it('shows every code region it asks for (no missing-region boxes)', () => {
    const missing = Array.from(root.querySelectorAll('.region-error')).map((e) => e.textContent);
    expect(missing).toEqual([]);
    expect(root.querySelectorAll('figure.code pre code').length).toBeGreaterThan(15);
  });

  it('puts speaker notes on every content slide and a labelled slot where a live measurement goes', () => {
    for (const s of root.querySelectorAll<HTMLElement>('section.content-slide')) {
      expect(s.querySelector('aside.notes')?.textContent?.trim().length, s.dataset.ids).toBeGreaterThan(20);
    }
    const slots = Array.from(root.querySelectorAll<HTMLElement>('.bench-slot'));
    expect(slots.length).toBeGreaterThan(10);
    for (const slot of slots) {
      expect(slot.dataset.bench).toMatch(/^[a-z0-9-]+$/);
      expect(slot.dataset.placeholder).toBe('Live benchmark: not run yet');
      expect(slot.querySelector(`bench-panel#bench-${slot.dataset.bench}`)).not.toBeNull();
    }
  });

  it('mounts the 1.1 animation with working step buttons', () => {
    const host = root.querySelector<HTMLElement>('.matmul-animation')!;
    expect(host.querySelector('svg')).not.toBeNull();
    const [back, , next] = host.querySelectorAll('button');
    const before = Number(host.dataset.step);
    next!.click();
    expect(Number(host.dataset.step)).toBe(before + 1);
    back!.click();
    expect(Number(host.dataset.step)).toBe(before);
    expect(host.querySelector('.anim-caption')?.textContent).toMatch(/row \d of A/);
  });

  it('fits every slide into 1280×720 (no content overflow)', async () => {
    const overflowing: string[] = [];
    for (const slide of slides()) {
      const { h, v } = deck.getIndices(slide);
      deck.slide(h, v ?? 0);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const over = slide.scrollHeight - slide.clientHeight;
      const overX = slide.scrollWidth - slide.clientWidth;
      expect(slide.clientHeight).toBeGreaterThan(600);
      if (over > 1 || overX > 1) overflowing.push(`${h}/${v}: ${slide.querySelector('h1,h2')?.textContent} (+${over}px, +${overX}px)`);
    }
    expect(overflowing).toEqual([]);
    // The measure itself can fail: a slide made too tall is caught.
    const probe = slides()[1]!;
    deck.slide(...(Object.values(deck.getIndices(probe)) as [number, number]));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const tall = document.createElement('div');
    tall.style.height = '900px';
    probe.append(tall);
    expect(probe.scrollHeight - probe.clientHeight).toBeGreaterThan(100);
    tall.remove();
  });
});
