// The deck ports the notebook in its own words; this finds the places where its
// prose (slide bodies and speaker notes in slides/*.ts) repeats the notebook word
// for word. Pure: strings in, strings out; tests/unit/own-words.test.ts reads the files.
//
// Both texts go through the same steps: code, math, HTML tags and entities are
// blanked out, the rest is lowercased and cut into words (letters, digits and
// apostrophes). A *shared run* is a stretch of at least RUN_LENGTH consecutive
// words of a slide that also occur consecutively somewhere in the notebook.
// Blanking keeps every character's offset, so each word still knows its line.

/** Shortest shared run reported. */
export const RUN_LENGTH = 6;

/**
 * Runs that may stay: unavoidable technical names only, such as a TOC title the
 * lecture map requires verbatim. Each entry is a phrase as the tokeniser sees it
 * (lowercase words separated by single spaces); a run is allowed when its words
 * are part of an entry. Keep this list tiny and say why each entry is here.
 */
export const ALLOWED_RUNS: readonly string[] = [
  // (none needed: no required title or name of six or more words appears in the slides' prose)
];

export interface Word {
  /** Lowercase word. */
  readonly text: string;
  /** Offset of the word in the source it came from. */
  readonly start: number;
  readonly end: number;
}

/** A stretch of prose that is matched as a whole (runs never cross segments). */
export interface Segment {
  readonly words: readonly Word[];
}

export interface SharedRun {
  readonly file: string;
  /** 1-based line of the run's first word in the file. */
  readonly line: number;
  /** The shared words, lowercased. */
  readonly words: string;
  readonly length: number;
  /** The file's own text around the run (whitespace squeezed). */
  readonly snippet: string;
}

/** Same-length blank for a match: newlines stay, so offsets and line numbers survive. */
const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** Blanks every match of `re` in `text`. */
function blankAll(text: string, re: RegExp): string {
  return text.replace(re, blank);
}

/**
 * Masks what is not prose in HTML-with-KaTeX text (a slide's template): code,
 * comments, display and inline math, tags and entities. Same length as the input.
 */
export function maskHtmlProse(text: string): string {
  let t = text;
  t = blankAll(t, /<!--[\s\S]*?-->/g);
  t = blankAll(t, /<(pre|code|script|style)\b[^>]*>[\s\S]*?<\/\1>/gi);
  t = blankAll(t, /\$\$[\s\S]*?\$\$/g);
  t = blankAll(t, /\\\[[\s\S]*?\\\]/g);
  t = blankAll(t, /\\\([\s\S]*?\\\)/g);
  t = blankAll(t, /\$[^$]*\$/g);
  t = blankAll(t, /<[^>]*>/g);
  t = blankAll(t, /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi);
  return t;
}

/**
 * The notebook as prose. Its text export does not mark where a code cell ends and
 * its output begins, so the whole file is used (prompt lines aside): markdown
 * cells, the Markdown strings and their printed outputs, comments, and the code
 * too. Code adds identifiers and keywords that seldom form six-word English runs,
 * so keeping it can only make the check stricter. Inline `code` spans are blanked
 * like <code> on the slides.
 */
export function maskNotebookProse(text: string): string {
  let t = blankAll(text, /^In \[\d*\]:[ \t]*$/gm);
  t = blankAll(t, /`[^`\n]*`/g);
  return maskHtmlProse(t);
}

/** Words of `masked` (a masked text, same offsets as its source), lowercased. */
export function words(masked: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of masked.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const raw = m[0].replace(/’/g, "'");
    // Quotes around a word are not part of it; apostrophes inside it are (don't, V8's).
    const lead = raw.length - raw.replace(/^'+/, '').length;
    const core = raw.replace(/^'+|'+$/g, '');
    if (core === '') continue;
    const start = offset + m.index + lead;
    out.push({ text: core.toLowerCase(), start, end: start + core.length });
  }
  return out;
}

/** Skips a quoted string starting at `i` (the quote); returns the index after it. */
function skipQuoted(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== q) j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Skips a `${…}` expression whose `{` is at `i`; returns the index after its `}`. */
function skipExpression(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "'" || c === '"') {
      j = skipQuoted(src, j);
      continue;
    }
    if (c === '`') {
      j = scanTemplate(src, j).end;
      continue;
    }
    if (c === '/' && src[j + 1] === '/') {
      j = src.indexOf('\n', j);
      if (j < 0) return src.length;
      continue;
    }
    if (c === '/' && src[j + 1] === '*') {
      const close = src.indexOf('*/', j + 2);
      j = close < 0 ? src.length : close + 2;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
    j++;
  }
  return src.length;
}

/**
 * Scans the template literal whose backtick is at `i`. Returns the index after its
 * closing backtick and its literal parts (the text between `${…}` expressions,
 * with their offsets in `src`).
 */
export function scanTemplate(src: string, i: number): { end: number; parts: { start: number; text: string }[] } {
  const parts: { start: number; text: string }[] = [];
  let j = i + 1;
  let partStart = j;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '`') {
      parts.push({ start: partStart, text: src.slice(partStart, j) });
      return { end: j + 1, parts };
    }
    if (c === '$' && src[j + 1] === '{') {
      parts.push({ start: partStart, text: src.slice(partStart, j) });
      j = skipExpression(src, j + 1);
      partStart = j;
      continue;
    }
    j++;
  }
  parts.push({ start: partStart, text: src.slice(partStart) });
  return { end: src.length, parts };
}

/**
 * The prose of a slide module: one segment per html`…` template (slide bodies and
 * speaker notes). `${…}` expressions (code(...) blocks, helpers) are dropped; the
 * literal text around them is masked like HTML and joined, so a sentence that an
 * expression interrupts still counts as one stretch of words.
 */
export function slideSegments(src: string): Segment[] {
  const segments: Segment[] = [];
  for (const m of src.matchAll(/\bhtml`/g)) {
    const { parts } = scanTemplate(src, m.index + 'html'.length);
    const ws = parts.flatMap((p) => words(maskHtmlProse(p.text), p.start));
    segments.push({ words: ws });
  }
  return segments;
}

/** How many html`…` templates a module holds (a sanity check for the scanner). */
export function templateCount(src: string): number {
  return [...src.matchAll(/\bhtml`/g)].length;
}

/** Every run of `n` consecutive words of the notebook, joined by spaces. */
export function notebookGrams(notebook: string, n = RUN_LENGTH): Set<string> {
  const ws = words(maskNotebookProse(notebook)).map((w) => w.text);
  const grams = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) grams.add(ws.slice(i, i + n).join(' '));
  return grams;
}

const lineOf = (src: string, offset: number): number => src.slice(0, offset).split('\n').length;

function allowed(run: string, allowList: readonly string[]): boolean {
  return allowList.some((phrase) => ` ${phrase} `.includes(` ${run} `));
}

/**
 * The maximal shared runs of a slide module: consecutive words of one segment
 * whose every window of `n` words occurs in the notebook.
 */
export function sharedRuns(
  file: string,
  src: string,
  grams: ReadonlySet<string>,
  { n = RUN_LENGTH, allowList = ALLOWED_RUNS }: { n?: number; allowList?: readonly string[] } = {},
): SharedRun[] {
  const runs: SharedRun[] = [];
  for (const { words: ws } of slideSegments(src)) {
    const hit = ws.map((_, i) => i + n <= ws.length && grams.has(ws.slice(i, i + n).map((w) => w.text).join(' ')));
    for (let i = 0; i < ws.length; i++) {
      if (!hit[i]) continue;
      let j = i;
      while (hit[j + 1]) j++;
      const first = ws[i]!;
      const last = ws[j + n - 1]!;
      const text = ws.slice(i, j + n).map((w) => w.text).join(' ');
      if (!allowed(text, allowList)) {
        const from = Math.max(0, first.start - 40);
        const to = Math.min(src.length, last.end + 40);
        runs.push({
          file,
          line: lineOf(src, first.start),
          words: text,
          length: j + n - i,
          snippet: `…${src.slice(from, to).replace(/\s+/g, ' ')}…`,
        });
      }
      i = j;
    }
  }
  return runs;
}

/** One line per run, for a failure message. */
export function describeRun(r: SharedRun): string {
  return `${r.file}:${r.line} (${r.length} words) "${r.words}" in ${r.snippet}`;
}
