// Cut a named region out of a source file so slides show the code that runs.
// Regions are marked `// #region NAME` … `// #endregion NAME` (an anonymous
// `// #endregion` also closes the innermost open region). Pure: strings in, strings out.
import { escapeHtml } from './escape.ts';
import { highlightCode, type CodeLang } from './highlight.ts';

const OPEN = /^\s*\/\/\s*#region\s+(\S+)/;
const CLOSE = /^\s*\/\/\s*#endregion(?:\s+(\S+))?/;

/** The lines between the markers of `name`, nested markers removed, common indent stripped; null when absent. */
export function extractRegion(source: string, name: string): string | null {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => OPEN.exec(line)?.[1] === name);
  if (start < 0) return null;
  const body: string[] = [];
  let depth = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const open = OPEN.exec(line);
    const close = CLOSE.exec(line);
    if (open) {
      depth++;
      continue;
    }
    if (close) {
      if (close[1] === name || (close[1] === undefined && depth === 0)) return dedent(body);
      depth = Math.max(0, depth - 1);
      continue;
    }
    body.push(line);
  }
  return null; // opened but never closed: treat as missing rather than show half a file
}

/** Names of every region in a source, in order of appearance. */
export function regionNames(source: string): string[] {
  return source
    .split(/\r?\n/)
    .map((line) => OPEN.exec(line)?.[1])
    .filter((n): n is string => n !== undefined);
}

/** Remove the indentation shared by all non-blank lines, and blank lines at both ends. */
export function dedent(lines: readonly string[]): string {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from]!.trim() === '') from++;
  while (to > from && lines[to - 1]!.trim() === '') to--;
  const kept = lines.slice(from, to).map((l) => l.replace(/\s+$/, ''));
  const indents = kept.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return kept.map((l) => l.slice(cut)).join('\n');
}

export { escapeHtml };

export interface CodeRef {
  /** The file's text (a Vite `?raw` import). */
  readonly source: string;
  /** Path shown in the caption and in error messages. */
  readonly file: string;
  /** Region name; omit to show the whole module. */
  readonly region?: string;
  /** Default: WGSL for .wgsl files, TypeScript (and AssemblyScript) otherwise. */
  readonly lang?: CodeLang;
}

/** The visible error box of a slide whose region is missing. */
export function regionErrorHtml(region: string, file: string): string {
  return `<div class="region-error" role="alert">source region ${escapeHtml(region)} not found in ${escapeHtml(file)}</div>`;
}

/** The figure around already coloured code. tabindex: a block that scrolls must be reachable by keyboard. */
export function figureHtml(file: string, region: string | undefined, html: string, lang: CodeLang): string {
  const caption = region ? `${file} · ${region}` : file;
  return (
    `<figure class="code" data-file="${escapeHtml(file)}"${region ? ` data-region="${escapeHtml(region)}"` : ''}>` +
    `<pre><code class="language-${lang} hl" tabindex="0" aria-label="${escapeHtml(`Code: ${caption}`)}">${html}</code></pre>` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}

/** HTML for a code block, or a visible error box when the region is missing. */
export function codeBlockHtml(ref: CodeRef): string {
  const code = ref.region === undefined ? dedent(ref.source.split(/\r?\n/)) : extractRegion(ref.source, ref.region);
  if (code === null) return regionErrorHtml(ref.region ?? '', ref.file);
  const lang = ref.lang ?? (ref.file.endsWith('.wgsl') ? 'wgsl' : 'typescript');
  // Coloured here, when the deck is assembled: no highlighter runs in the page.
  return figureHtml(ref.file, ref.region, highlightCode(code, lang), lang);
}
