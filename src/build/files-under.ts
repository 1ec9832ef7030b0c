// Build-time file listing (Node only), shared by the plugins that read whole folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file below `dir`, depth first; a folder that cannot be read (e.g. absent) gives none. */
export function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `path` relative to `root` with forward slashes on every OS: the form the deck and the service worker name files by. */
export function posixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
