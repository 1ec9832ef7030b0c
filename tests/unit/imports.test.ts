// Importing another machine's export: what is accepted, what is refused and why,
// how a set is labelled, and that imports live apart from this browser's results.
import { describe, expect, it } from 'vitest';
import { addImports, clearImports, environmentLabel, IMPORT_STORAGE_KEY, loadImports, MAX_IMPORT_BYTES, parseImport } from '../../src/panels/imports.ts';
import { resultsToJson } from '../../src/panels/export.ts';
import { loadAllResults, STORAGE_PREFIX } from '../../src/panels/storage.ts';
import { env, failed, legacyFailed, mixed } from './series-fixtures.ts';
import { memoryStore } from './memory-store.ts';

const firefox = { ...env, cores: 8, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' };

describe('parseImport', () => {
  it('accepts an export (Export JSON / npm run bench --json) and labels it browser · cores · day', () => {
    const text = resultsToJson(mixed);
    const v = parseImport(text, 'bench.json', text.length);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.sets).toHaveLength(1);
    expect(v.sets[0]!.label).toBe('Headless Chrome 156 · 2 cores · 2026-11-23');
    expect(v.sets[0]!.results).toEqual(mixed);
  });

  it('accepts an older export whose failures carry placeholder figures, and drops them', () => {
    const text = JSON.stringify([mixed[0], legacyFailed('broadcasting', 'too big')]);
    const v = parseImport(text, 'old.json', text.length);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.sets[0]!.results).toEqual([mixed[0], failed('broadcasting', 'too big')]);
  });

  it('splits a file that mixes machines into one set per environment', () => {
    const other = mixed.map((r) => ({ ...r, env: firefox, at: '2026-12-01T08:00:00.000Z' }));
    const text = resultsToJson([...mixed, ...other]);
    const v = parseImport(text, 'two.json', text.length);
    expect(v.ok && v.sets.map((s) => s.label)).toEqual(['Headless Chrome 156 · 2 cores · 2026-11-23', 'Firefox 140 · 8 cores · 2026-12-01']);
  });

  it.each([
    ['not JSON', '{"variant": "naive",', /not JSON/],
    ['JSON but not a list', '{"results": []}', /not a list of results/],
    ['an empty list', '[]', /no results/],
    ['a list of something else', '[{"name": "x"}]', /entry 1 of 1 is not a benchmark result/],
    ['a result without its environment', JSON.stringify([{ ...mixed[0], env: {} }]), /entry 1 of 1/],
  ])('refuses %s with a reason', (_what, text, reason) => {
    const v = parseImport(text, 'bad.json', text.length);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(reason);
  });

  it('refuses a file over 5 MiB before parsing it', () => {
    const v = parseImport('[]', 'huge.json', MAX_IMPORT_BYTES + 1);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/over 5 MiB are refused/);
    expect(parseImport(resultsToJson(mixed), 'ok.json', MAX_IMPORT_BYTES).ok).toBe(true);
  });

  it('labels an undated set as such', () => {
    expect(environmentLabel([{ ...mixed[0]!, at: 'yesterday' }])).toBe('Headless Chrome 156 · 2 cores · undated');
  });
});

describe('imported sets in storage', () => {
  it('are kept apart from this browser\'s results, replaced by label and file, and cleared in one go', () => {
    const store = memoryStore();
    const text = resultsToJson(mixed);
    const v = parseImport(text, 'a.json', text.length);
    if (!v.ok) throw new Error(v.reason);
    expect(addImports(store, v.sets)).toBe(true);
    expect(IMPORT_STORAGE_KEY.startsWith(STORAGE_PREFIX)).toBe(false);
    expect(loadAllResults(store)).toEqual([]); // the summary's own list never sees them
    expect(loadImports(store).map((s) => s.label)).toEqual(['Headless Chrome 156 · 2 cores · 2026-11-23']);
    addImports(store, v.sets); // the same file again replaces, not duplicates
    expect(loadImports(store)).toHaveLength(1);
    clearImports(store);
    expect(loadImports(store)).toEqual([]);
  });

  it('keeps them for the page view when storage refuses, and says so', () => {
    const store = memoryStore(true);
    const text = resultsToJson(mixed);
    const v = parseImport(text, 'a.json', text.length);
    if (!v.ok) throw new Error(v.reason);
    expect(addImports(store, v.sets)).toBe(false);
    expect(loadImports(store)).toHaveLength(1);
    clearImports(store);
    expect(loadImports(store)).toEqual([]);
  });

  it('ignores a corrupt stored entry', () => {
    const store = memoryStore();
    store.setItem(IMPORT_STORAGE_KEY, '{oops');
    expect(loadImports(store)).toEqual([]);
    store.setItem(IMPORT_STORAGE_KEY, JSON.stringify({ version: 1, sets: [{ label: 'x', fileName: 'y', results: [{ variant: 1 }] }] }));
    expect(loadImports(store)).toEqual([]);
  });
});
