// From TOC tree + slide specs to the deck's structure and HTML. Pure (strings
// only) so the structure, the TOC slides and the rename property are unit-testable.
import { display, heading, type Heading, type Toc, type TocItem, type TocView } from '../toc/toc.ts';
import { escapeHtml } from './code-region.ts';
import type { BenchPanelDeclaration, SlideSpec } from './slide.ts';

export type DeckSlide =
  | { readonly kind: 'title'; readonly view: TocView; readonly lead: string; readonly notes: string }
  | { readonly kind: 'toc'; readonly ids: readonly number[]; readonly view: TocView }
  | { readonly kind: 'content'; readonly ids: readonly number[]; readonly heading: Heading; readonly spec: SlideSpec };

/** One horizontal position of the deck: a vertical stack of slides. */
export type DeckStack = readonly DeckSlide[];

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Stack 0 is the title slide (display()). Each top-level section is one stack
 * that opens with display(section); each subsection opens with display(section, sub).
 * Slides are kept in the order given; a section may not appear twice apart.
 */
export function deckModel(toc: Toc, specs: readonly SlideSpec[]): DeckStack[] {
  const titleSpecs = specs.filter((s) => s.ids.length === 0);
  const stacks: DeckSlide[][] = [
    [
      {
        kind: 'title',
        view: display(toc),
        lead: titleSpecs.map((s) => s.body).join(''),
        notes: titleSpecs.map((s) => s.notes).join(''),
      },
    ],
  ];
  let section = -1;
  let sub: number[] = [];
  const seen = new Set<number>();
  for (const spec of specs) {
    if (spec.ids.length === 0) continue;
    const h = heading(toc, spec.ids); // throws for ids that are not in the tree
    const s = spec.ids[0]!;
    if (s !== section) {
      if (seen.has(s)) throw new Error(`slides of section ${s + 1} are not contiguous`);
      seen.add(s);
      section = s;
      sub = [];
      stacks.push([{ kind: 'toc', ids: [s], view: display(toc, s) }]);
    }
    const stack = stacks[stacks.length - 1]!;
    const subIds = spec.ids.slice(0, 2);
    if (spec.ids.length >= 2 && !sameIds(subIds, sub)) {
      sub = subIds;
      stack.push({ kind: 'toc', ids: subIds, view: display(toc, ...subIds) });
    }
    stack.push({ kind: 'content', ids: spec.ids, heading: h, spec });
  }
  return stacks;
}

function itemsHtml(items: readonly TocItem[]): string {
  if (items.length === 0) return '';
  const lis = items.map((item) => {
    const title = escapeHtml(item.title);
    const label = item.current ? `<strong aria-current="true">${title}</strong>` : title;
    return `<li value="${item.number}">${label}${itemsHtml(item.children)}</li>`;
  });
  return `<ol>${lis.join('')}</ol>`;
}

function headingHtml(h: Heading): string {
  const num = h.number ? `<span class="num">${escapeHtml(h.number)}</span> ` : '';
  return `<h${h.level}>${num}${escapeHtml(h.text)}</h${h.level}>`;
}

export function tocHtml(view: TocView): string {
  return `<nav class="toc" aria-label="Table of contents">${itemsHtml(view.items)}</nav>`;
}

const BENCH_PLACEHOLDER = 'Live benchmark: not run yet';

/** The slide's panel as markup; until <bench-panel> is defined the slot shows a placeholder. */
export function benchPanelHtml({ id, ...attributes }: BenchPanelDeclaration): string {
  const attrs = Object.entries(attributes)
    .flatMap(([k, v]) => (v === undefined ? [] : [` ${k}="${escapeHtml(typeof v === 'string' ? v : v.join(','))}"`]))
    .join('');
  return `<bench-panel id="bench-${escapeHtml(id)}"${attrs}></bench-panel>`;
}

/** Inner HTML of one slide's <section>, and its attributes. */
export function slideHtml(slide: DeckSlide): { attrs: Record<string, string>; inner: string } {
  switch (slide.kind) {
    case 'title':
      return {
        attrs: { class: 'title-slide', 'data-toc': '' },
        inner:
          headingHtml(slide.view.heading) +
          slide.lead +
          tocHtml(slide.view) +
          (slide.notes ? `<aside class="notes">${slide.notes}</aside>` : ''),
      };
    case 'toc':
      return {
        attrs: { class: 'toc-slide', 'data-toc': slide.ids.join('.') },
        inner: headingHtml(slide.view.heading) + tocHtml(slide.view),
      };
    case 'content': {
      const { spec } = slide;
      const body = spec.bench
        ? `<div class="bench-split${spec.benchWide ? ' wide-panel' : ''}"><div class="split-text">${spec.body}</div>` +
          `<div class="bench-slot" data-bench="${escapeHtml(spec.bench.id)}" data-placeholder="${BENCH_PLACEHOLDER}">${benchPanelHtml(spec.bench)}</div></div>`
        : spec.body;
      return {
        attrs: {
          class: ['content-slide', spec.className ?? ''].join(' ').trim(),
          'data-ids': slide.ids.join('.'),
        },
        inner: headingHtml(slide.heading) + body + `<aside class="notes">${spec.notes}</aside>`,
      };
    }
  }
}

/** The whole `.slides` inner HTML: nested <section> stacks. */
export function deckHtml(stacks: readonly DeckStack[]): string {
  return stacks
    .map((stack) => {
      const inner = stack
        .map((slide) => {
          const { attrs, inner: content } = slideHtml(slide);
          const a = Object.entries(attrs)
            .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`))
            .join('');
          return `<section${a}>${content}</section>`;
        })
        .join('');
      return stack.length === 1 ? inner : `<section class="stack">${inner}</section>`;
    })
    .join('');
}
