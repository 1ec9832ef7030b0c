// Results measured on another machine, brought in from a file in the export
// format (src/panels/export.ts: a JSON array of BenchResult, as `npm run bench
// --json` prints), so panels and the summary can draw them beside this
// browser's. They are kept under their own key, apart from this browser's
// results (the summary never mistakes them for its own), and one control drops
// them all. parseImport is pure; the rest touches storage and the DOM.
import type { BenchResult } from '../bench/protocol.ts';
import { browserName } from './environment.ts';
import { isBenchResult, withoutPlaceholders, type KeyValueStore } from './storage.ts';
import { button } from './layout.ts';

/** Bigger files are refused before they are read: an export of the whole deck is a few hundred KiB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** At most this many imported sets are drawn (each gets a colour of its own). */
export const MAX_IMPORTED_SETS = 4;
export const IMPORT_STORAGE_KEY = 'bench-imported:v1';
/** Document event after the imported sets changed (panels redraw). */
export const IMPORTS_CHANGED = 'bench-imports-changed';

/** The results of one environment from one file. */
export interface ImportedSet {
  /** "Firefox 140 · 8 cores · 2026-03-02": browser, cores and the day of its latest result. */
  readonly label: string;
  readonly fileName: string;
  readonly importedAt: string;
  readonly results: BenchResult[];
}

export type ImportVerdict =
  | { readonly ok: true; readonly sets: ImportedSet[] }
  | { readonly ok: false; readonly reason: string };

const envKey = (r: BenchResult) => `${r.env.userAgent}|${r.env.cores}`;

/** Browser, cores and the day of the latest result: what tells two machines apart on a chart. Pure. */
export function environmentLabel(results: readonly BenchResult[]): string {
  const first = results[0];
  if (!first) return 'unknown environment';
  const ua = typeof first.env.userAgent === 'string' ? browserName(first.env.userAgent) : 'unknown browser';
  const cores = typeof first.env.cores === 'number' ? `${first.env.cores} core${first.env.cores === 1 ? '' : 's'}` : 'cores unknown';
  const latest = results.map((r) => r.at).filter((a) => typeof a === 'string' && !Number.isNaN(Date.parse(a))).sort().at(-1);
  return [ua, cores, latest ? new Date(latest).toISOString().slice(0, 10) : 'undated'].join(' · ');
}

/**
 * Check a file's text: JSON, an array, every element a BenchResult with its
 * environment. One set per environment found in the file. Never throws.
 */
export function parseImport(text: string, fileName: string, sizeBytes: number, now = new Date()): ImportVerdict {
  if (sizeBytes > MAX_IMPORT_BYTES) {
    return { ok: false, reason: `${fileName} is ${(sizeBytes / 1024 / 1024).toFixed(1)} MiB; an export is far smaller, so files over ${MAX_IMPORT_BYTES / 1024 / 1024} MiB are refused.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${fileName} is not JSON. Import a file made by a panel's "Export JSON" or by npm run bench --json.` };
  }
  if (!Array.isArray(parsed)) {
    return { ok: false, reason: `${fileName} is JSON but not a list of results: the export format is a JSON array of benchmark results.` };
  }
  if (parsed.length === 0) return { ok: false, reason: `${fileName} holds no results.` };
  const bad = parsed.findIndex((r) => !isBenchResult(r) || typeof (r as BenchResult).env.userAgent !== 'string' || typeof (r as BenchResult).env.cores !== 'number');
  if (bad >= 0) {
    return { ok: false, reason: `${fileName}: entry ${bad + 1} of ${parsed.length} is not a benchmark result with its environment (variant, shape, samples, figures, env).` };
  }
  const results = (parsed as BenchResult[]).map(withoutPlaceholders);
  const byEnv = new Map<string, BenchResult[]>();
  for (const r of results) byEnv.set(envKey(r), [...(byEnv.get(envKey(r)) ?? []), r]);
  const importedAt = now.toISOString();
  return { ok: true, sets: [...byEnv.values()].map((rs) => ({ label: environmentLabel(rs), fileName, importedAt, results: rs })) };
}

interface Stored {
  readonly version: 1;
  readonly sets: ImportedSet[];
}

function isSet(v: unknown): v is ImportedSet {
  const s = v as ImportedSet | null;
  return typeof s === 'object' && s !== null && typeof s.label === 'string' && typeof s.fileName === 'string' && Array.isArray(s.results) && s.results.every(isBenchResult);
}

/** What could not be kept in storage stays for this page view. */
let memory: ImportedSet[] | null = null;

export function loadImports(store: KeyValueStore | null): ImportedSet[] {
  if (memory) return memory;
  try {
    const text = store?.getItem(IMPORT_STORAGE_KEY) ?? null;
    if (text === null) return [];
    const parsed = JSON.parse(text) as Partial<Stored>;
    return parsed.version === 1 && Array.isArray(parsed.sets) ? parsed.sets.filter(isSet).map((s) => ({ ...s, results: s.results.map(withoutPlaceholders) })) : [];
  } catch {
    return [];
  }
}

/** Add sets (a set with the same label and file replaces the older one); returns whether storage kept them. */
export function addImports(store: KeyValueStore | null, sets: readonly ImportedSet[]): boolean {
  const fresh = new Set(sets.map((s) => `${s.label}|${s.fileName}`));
  const all = [...loadImports(store).filter((s) => !fresh.has(`${s.label}|${s.fileName}`)), ...sets].slice(-MAX_IMPORTED_SETS);
  try {
    if (!store) throw new Error('no storage');
    store.setItem(IMPORT_STORAGE_KEY, JSON.stringify({ version: 1, sets: all } satisfies Stored));
    memory = null;
    return true;
  } catch {
    memory = all;
    return false;
  }
}

export function clearImports(store: KeyValueStore | null): void {
  memory = null;
  try {
    store?.removeItem(IMPORT_STORAGE_KEY);
  } catch {
    /* nothing kept */
  }
}

/** The imported results of one panel's variants: the sets with at least one of them. */
export function importedFor(sets: readonly ImportedSet[], keep: (r: BenchResult) => boolean): { label: string; results: BenchResult[] }[] {
  return sets.flatMap((s) => {
    const results = s.results.filter(keep);
    return results.length > 0 ? [{ label: s.label, results }] : [];
  });
}

export interface ImportControlOptions {
  readonly store: KeyValueStore | null;
  /** Where refusals go; window.alert in the page. */
  readonly alert: (message: string) => void;
}

/**
 * "Import results" (a file input behind a labelled button) and "Clear imported",
 * shown when there is something to clear. Refusals are said in an alert; the
 * page never throws over a bad file.
 */
export function mountImportControl(doc: Document, parent: HTMLElement, options: ImportControlOptions): { input: HTMLInputElement; clear: HTMLButtonElement; status: HTMLElement } {
  const id = 'import-results-input';
  const label = doc.createElement('label');
  label.className = 'deck-tool import-label';
  label.htmlFor = id;
  label.textContent = 'Import results';
  label.title = 'Draw results exported on another machine (Export JSON, npm run bench --json) beside this browser\u2019s';
  const input = doc.createElement('input');
  input.type = 'file';
  input.id = id;
  input.className = 'import-input';
  input.accept = 'application/json,.json';
  const clear = button(doc, 'deck-tool import-clear', 'Clear imported', undefined, 'Forget every imported result (this browser\u2019s own results stay)');
  const status = doc.createElement('span');
  status.className = 'import-status';
  status.setAttribute('role', 'status');

  const sync = () => {
    const sets = loadImports(options.store);
    clear.hidden = sets.length === 0;
    status.textContent = sets.length === 0 ? '' : `Imported: ${sets.map((s) => s.label).join('; ')}`;
  };
  const changed = () => {
    sync();
    doc.dispatchEvent(new CustomEvent(IMPORTS_CHANGED));
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void readImport(file).then((verdict) => {
      if (!verdict.ok) {
        options.alert(`Import refused: ${verdict.reason}`);
        return;
      }
      const kept = addImports(options.store, verdict.sets);
      if (!kept) options.alert('Imported for this visit only: the browser would not keep them (storage full or unavailable).');
      changed();
    });
  });
  clear.addEventListener('click', () => {
    clearImports(options.store);
    changed();
  });
  sync();
  // The input first: a visually hidden input that has focus outlines its label (input:focus-visible + label).
  parent.append(input, label, clear, status);
  return { input, clear, status };
}

/** Read a file only when it is small enough, then parse it. Never rejects. */
export async function readImport(file: Blob & { name?: string }): Promise<ImportVerdict> {
  const name = file.name || 'the file';
  if (file.size > MAX_IMPORT_BYTES) return parseImport('', name, file.size);
  try {
    return parseImport(await file.text(), name, file.size);
  } catch (e) {
    return { ok: false, reason: `${name} could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}
