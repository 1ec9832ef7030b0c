// The lecture's table of contents as data, and the pure functions that turn it
// into numbered headings and TOC views. This is the TypeScript counterpart of the
// notebook's `TOC` class: title(*ids), display(*ids) and entries(). No DOM here:
// the markdown form is for tests against the notebook's printed outputs, the
// structured form is what the deck renders.

export interface TocEntry {
  readonly title: string;
  readonly children: readonly TocEntry[];
}

export interface Toc {
  /** Deck title (the heading of `display()` and `title()`). */
  readonly title: string;
  readonly entries: readonly TocEntry[];
  /** Deepest heading level, and how far `display()` without ids expands. */
  readonly tocLevel: number;
}

/** Shorthand used to write trees compactly: `[title, children]`. */
export type TocSpec = readonly [string, readonly TocSpec[]];

export function tocFrom(title: string, spec: readonly TocSpec[], tocLevel = 1): Toc {
  const convert = ([t, kids]: TocSpec): TocEntry => ({ title: t, children: kids.map(convert) });
  return { title, entries: spec.map(convert), tocLevel };
}

/** The entry addressed by ids (0-based at every level); throws on a bad path. */
export function entryAt(toc: Toc, ids: readonly number[]): TocEntry {
  let children = toc.entries;
  let entry: TocEntry | undefined;
  for (const i of ids) {
    entry = children[i];
    if (!entry) throw new Error(`no TOC entry at ids [${ids.join(', ')}]`);
    children = entry.children;
  }
  if (!entry) throw new Error('entryAt needs at least one id');
  return entry;
}

export interface Heading {
  /** 1 for the deck title, then min(tocLevel, 1 + depth). */
  readonly level: number;
  /** "3.1.2." style number, empty for the deck title. */
  readonly number: string;
  /** The entry's own title, without its number. */
  readonly text: string;
  /** Number and title together: "3.1.2. Broadcasting". */
  readonly label: string;
}

export function heading(toc: Toc, ids: readonly number[]): Heading {
  const level = Math.min(toc.tocLevel, 1 + ids.length);
  if (ids.length === 0) return { level, number: '', text: toc.title, label: toc.title };
  const number = `${ids.map((i) => i + 1).join('.')}.`;
  const text = entryAt(toc, ids).title;
  return { level, number, text, label: `${number} ${text}` };
}

/** The notebook's `title(*ids)`: "# 1.1. Matrix multiplication". */
export function titleMarkdown(toc: Toc, ...ids: number[]): string {
  const h = heading(toc, ids);
  return `${'#'.repeat(h.level)} ${h.label}`;
}

export interface TocItem {
  /** 1-based position among its siblings. */
  readonly number: number;
  readonly title: string;
  /** The entry on the path given to display(): emphasised. */
  readonly current: boolean;
  /** Expanded children (empty when collapsed). */
  readonly children: readonly TocItem[];
}

export interface TocView {
  readonly heading: Heading;
  readonly items: readonly TocItem[];
}

// A negative id expands every entry at that depth (the notebook's -1 trick);
// a non-negative id emphasises and expands only that entry.
function items(entries: readonly TocEntry[], ids: readonly number[]): TocItem[] {
  return entries.map((entry, i) => {
    const [first, ...rest] = ids;
    const current = first === i;
    const expand = first !== undefined && (current || first < 0);
    return {
      number: i + 1,
      title: entry.title,
      current,
      children: expand ? items(entry.children, rest) : [],
    };
  });
}

/** The notebook's `display(*ids)` as data. */
export function display(toc: Toc, ...ids: number[]): TocView {
  const path = ids.length === 0 ? new Array<number>(Math.max(0, toc.tocLevel - 1)).fill(-1) : ids;
  return { heading: heading(toc, ids), items: items(toc.entries, path) };
}

function itemsMarkdown(list: readonly TocItem[], depth: number): string {
  return list
    .map((item) => {
      const title = item.current ? `__${item.title}__` : item.title;
      return `${'\t'.repeat(depth)}${item.number}. ${title}\n${itemsMarkdown(item.children, depth + 1)}`;
    })
    .join('');
}

/** The notebook's `display(*ids)` as the markdown string it printed. */
export function displayMarkdown(toc: Toc, ...ids: number[]): string {
  const view = display(toc, ...ids);
  return `${'#'.repeat(view.heading.level)} ${view.heading.label}\n---\n${itemsMarkdown(view.items, 0)}`;
}

/** Every path in the tree, depth first, e.g. [0], [0,0], [0,1], [1], … */
export function allIds(toc: Toc): number[][] {
  const out: number[][] = [];
  const walk = (entries: readonly TocEntry[], prefix: number[]) =>
    entries.forEach((e, i) => {
      out.push([...prefix, i]);
      walk(e.children, [...prefix, i]);
    });
  walk(toc.entries, []);
  return out;
}

/** A copy of the tree with the entry at ids renamed (used to prove one tree drives all). */
export function renamed(toc: Toc, ids: readonly number[], title: string): Toc {
  const rename = (entries: readonly TocEntry[], path: readonly number[]): TocEntry[] =>
    entries.map((e, i) => {
      if (i !== path[0]) return e;
      if (path.length === 1) return { ...e, title };
      return { ...e, children: rename(e.children, path.slice(1)) };
    });
  entryAt(toc, ids);
  return { ...toc, entries: rename(toc.entries, ids) };
}
