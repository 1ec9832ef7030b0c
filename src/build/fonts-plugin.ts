// Vite plugin: reveal.js's themes carry their web fonts as base64 inside the CSS
// (about 450 KB gzip of the first load, and every font weight paid for even when
// unused). This moves each font into a file of its own before Vite reads the CSS:
// the stylesheet shrinks to its rules, and the browser fetches (and caches, and
// the service worker precaches) only the fonts a slide really uses.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const DATA_FONT = /url\(\s*['"]?data:font\/(woff2|woff|ttf|otf);base64,([A-Za-z0-9+/=]+)['"]?\s*\)/g;

/** The CSS with each data: font replaced by a url() of the file `write` stored it in. Pure given `write`. */
export function extractFonts(css: string, write: (ext: string, bytes: Buffer) => string): string {
  return css.replace(DATA_FONT, (_, ext: string, base64: string) => `url("${write(ext, Buffer.from(base64, 'base64'))}")`);
}

export function fontsAsFiles(root: string, match: RegExp = /reveal\.js[\\/]dist[\\/]theme[\\/][^\\/]+\.css$/): Plugin {
  const out = join(root, 'node_modules', '.cache', 'deck-fonts');
  return {
    name: 'fonts-as-files',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!match.test(file)) return null;
      mkdirSync(out, { recursive: true });
      const css = extractFonts(code, (ext, bytes) => {
        const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${ext}`;
        const path = join(out, name);
        writeFileSync(path, bytes);
        // Relative to the stylesheet, as Vite resolves url() in CSS.
        return relative(dirname(file), path).split(sep).join('/');
      });
      return { code: css, map: null };
    },
  };
}
