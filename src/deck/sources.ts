// The project's own source files as text (Vite `?raw` via import.meta.glob), so
// code slides show exactly the code that runs. A glob, not one import per file,
// keeps the deck building while kernels are added or renamed: a missing region
// turns into a visible error box on its slide instead of a failed build.
import { codeBlockHtml, extractRegion } from './code-region.ts';

const raw = import.meta.glob<string>(
  [
    '/src/kernels/**/*.ts',
    '/src/data/**/*.ts',
    '/src/check/**/*.ts',
    '/src/bench/**/*.ts',
    '/src/wasm/assembly/**/*.ts',
    '/src/parallel/**/*.ts',
    '/src/pool/**/*.ts',
    '/src/gpu/**/*.ts',
    // WGSL shaders: `// #region name` is a valid WGSL comment.
    '/src/gpu/**/*.wgsl',
    '/src/workers/**/*.ts',
    '/workers/**/*.ts',
    '!**/*.test.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Files keyed by repo-relative path ("src/kernels/naive.ts"). */
export const sources: ReadonlyMap<string, string> = new Map(
  Object.entries(raw).map(([path, text]) => [path.replace(/^\//, ''), text]),
);

/** The file holding region `name`: the hinted file first, then any source file. */
export function locateRegion(name: string, fileHint?: string): string | null {
  if (fileHint !== undefined && extractRegion(sources.get(fileHint) ?? '', name) !== null) return fileHint;
  for (const [file, text] of sources) if (extractRegion(text, name) !== null) return file;
  return null;
}

/**
 * A code block for region `name` (a variant id, `generate`, `driver`, …). The
 * hint is the file we expect it in; if it moved, any other source holding the
 * region is used; if none does, the slide shows an error box.
 */
export function code(name: string, fileHint?: string): string {
  const file = locateRegion(name, fileHint);
  if (file === null) {
    return codeBlockHtml({ source: '', file: fileHint ?? 'any source file', region: name });
  }
  return codeBlockHtml({ source: sources.get(file)!, file, region: name });
}
