// Vite plugin: `virtual:code-regions` holds every `// #region` of the shown source
// folders, already cut out and coloured (src/deck/highlight.ts), so the page ships
// neither the whole source files nor a highlighter: the code on a slide is still
// the code that runs, read from the file when the deck is built.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { extractRegion, regionNames } from '../deck/code-region.ts';
import { highlightCode } from '../deck/highlight.ts';
import { filesUnder, posixRelative } from './files-under.ts';

/** Folders whose regions slides may show (repo-relative). */
export const SHOWN_FOLDERS = ['src/kernels', 'src/data', 'src/check', 'src/bench', 'src/wasm/assembly', 'src/parallel', 'src/pool', 'src/gpu', 'workers'];

const ID = 'virtual:code-regions';
const RESOLVED = `\0${ID}`;

export interface ShownRegion {
  /** The region's text, as extractRegion cuts it. */
  readonly text: string;
  /** The same, coloured and escaped. */
  readonly html: string;
}

export type RegionIndex = Record<string, Record<string, ShownRegion>>;

/** What the page gets: the coloured HTML of each region a slide shows. */
export type ShippedIndex = Record<string, Record<string, string>>;

/**
 * Names of the regions the slides show: every `code('name', …)` in slides/. A name
 * missed here shows an error box on its slide (tests/browser/deck.test.ts fails).
 */
export function shownRegionNames(root: string): Set<string> {
  const dir = join(root, 'slides');
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bcode\(\s*'([^']+)'/g)) if (m[1] !== undefined) names.add(m[1]);
  }
  return names;
}

/** The part of the index the page needs: about a third of it (about 50 KB less JavaScript before the first slide). */
export function shippedIndex(index: RegionIndex, names: ReadonlySet<string>): ShippedIndex {
  const out: ShippedIndex = {};
  for (const [file, regions] of Object.entries(index)) {
    for (const [name, region] of Object.entries(regions)) if (names.has(name)) (out[file] ??= {})[name] = region.html;
  }
  return out;
}

/** Every region of every shown file, by repo-relative file then region name. */
export function regionIndex(root: string): { index: RegionIndex; files: string[] } {
  const index: RegionIndex = {};
  const files = SHOWN_FOLDERS.flatMap((d) => filesUnder(join(root, d))).filter((f) => /\.(ts|wgsl)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const file = posixRelative(root, path);
    const lang = file.endsWith('.wgsl') ? 'wgsl' : 'typescript';
    for (const name of regionNames(text)) {
      const region = extractRegion(text, name);
      if (region !== null) (index[file] ??= {})[name] = { text: region, html: highlightCode(region, lang) };
    }
  }
  return { index, files };
}

export function codeRegions(root: string): Plugin {
  return {
    name: 'code-regions',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { index, files } = regionIndex(root);
      for (const f of files) this.addWatchFile(f);
      this.addWatchFile(join(root, 'slides'));
      return `export default ${JSON.stringify(shippedIndex(index, shownRegionNames(root)))};`;
    },
    handleHotUpdate({ file, server }) {
      // A kernel edited during `npm start`: its region on the slide follows.
      const mod = server.moduleGraph.getModuleById(RESOLVED);
      // A slide that names another region: the shipped selection follows.
      const rel = posixRelative(root, file);
      if (mod && [...SHOWN_FOLDERS, 'slides'].some((d) => rel.startsWith(`${d}/`))) server.moduleGraph.invalidateModule(mod);
    },
  };
}
