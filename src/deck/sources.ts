// The regions of the project's own source files that slides show, cut out and
// coloured when the deck is built (src/build/code-regions-plugin.ts), so code
// slides show exactly the code that runs. A missing region turns into a visible
// error box on its slide instead of a failed build.
import regions from 'virtual:code-regions';
import { figureHtml, regionErrorHtml } from './code-region.ts';

/** The file holding region `name`: the hinted file first, then any other shown file. */
export function locateRegion(name: string, fileHint?: string): string | null {
  if (fileHint !== undefined && regions[fileHint]?.[name] !== undefined) return fileHint;
  for (const [file, inFile] of Object.entries(regions)) if (inFile[name] !== undefined) return file;
  return null;
}

/**
 * A code block for region `name` (a variant id, `generate`, `driver`, …). The
 * hint is the file we expect it in; if it moved, any other file holding the
 * region is used; if none does, the slide shows an error box.
 */
export function code(name: string, fileHint?: string): string {
  const file = locateRegion(name, fileHint);
  const html = file === null ? undefined : regions[file]?.[name];
  if (file === null || html === undefined) return regionErrorHtml(name, fileHint ?? 'any source file');
  return figureHtml(file, name, html, file.endsWith('.wgsl') ? 'wgsl' : 'typescript');
}
