import { describe, expect, it } from 'vitest';
import {
  clearResults,
  isBenchResult,
  loadAllResults,
  loadResults,
  saveResults,
  storageKey,
} from '../../src/panels/storage.ts';
import type { BenchResult, FailedResult } from '../../src/bench/protocol.ts';
import { failed, legacyFailed, measured, mixed } from './series-fixtures.ts';
import { memoryStore } from './memory-store.ts';

describe('results storage', () => {
  it('round-trips results per panel', () => {
    const store = memoryStore();
    expect(saveResults(store, 'p1', mixed)).toBe(true);
    expect(loadResults(store, 'p1')).toEqual(mixed);
    expect(loadResults(store, 'p2')).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['a bare array', JSON.stringify(mixed)],
    ['another version', JSON.stringify({ version: 99, savedAt: '', results: mixed })],
    ['a result missing its median', JSON.stringify({ version: 1, savedAt: '', results: [{ ...mixed[0], medianMs: 'fast' }] })],
    ['null', 'null'],
  ])('ignores a corrupt entry: %s', (_, text) => {
    const store = memoryStore();
    store.setItem(storageKey('p'), text);
    expect(loadResults(store, 'p')).toBeNull();
  });

  it('reports a refused write instead of throwing', () => {
    expect(saveResults(memoryStore(true), 'p', mixed)).toBe(false);
    expect(saveResults(null, 'p', mixed)).toBe(false);
  });

  it('clears one panel only', () => {
    const store = memoryStore();
    saveResults(store, 'a', mixed);
    saveResults(store, 'b', mixed);
    clearResults(store, 'a');
    expect(loadResults(store, 'a')).toBeNull();
    expect(loadResults(store, 'b')).toEqual(mixed);
  });

  it('lists every panel for the summary, skipping corrupt and foreign keys', () => {
    const store = memoryStore();
    saveResults(store, 'b', [measured('ikj', [1, 1])]);
    saveResults(store, 'a', mixed);
    store.setItem(storageKey('broken'), '[[[');
    store.setItem('someone-else', JSON.stringify({ version: 1, results: mixed }));
    const all = loadAllResults(store);
    expect(all.map((e) => e.panelId)).toEqual(['a', 'b']);
    expect(all[0]!.results).toHaveLength(4);
  });

  it('recognises both result kinds and rejects look-alikes', () => {
    expect(mixed.every(isBenchResult)).toBe(true);
    expect(isBenchResult({ ...mixed[3], error: 42 })).toBe(false);
    expect(isBenchResult({ ...mixed[0], dtype: 'f16' })).toBe(false);
    expect(isBenchResult(null)).toBe(false);
    const { samplesMs: _s, ...noSamples } = measured('naive', [1, 1]);
    expect(isBenchResult(noSamples)).toBe(false); // a measured result needs its samples
  });

  it('loads an entry saved with the old placeholder fields of a failure, without them', () => {
    const store = memoryStore();
    const old = [mixed[0], legacyFailed('broadcasting', 'too big')];
    store.setItem(storageKey('old'), JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', results: old }));
    const back = loadResults(store, 'old');
    expect(back).toEqual([mixed[0], failed('broadcasting', 'too big')]);
    for (const k of ['samplesMs', 'medianMs', 'gflops', 'correct']) expect(back![1]).not.toHaveProperty(k);
  });
});

describe('BenchResult', () => {
  it('has times only on the measured side: reading them needs a narrowing on status', () => {
    const f: FailedResult = failed('x', 'boom');
    const r: BenchResult = mixed[0]!;
    // @ts-expect-error a failed result has no median
    expect(f.medianMs).toBeUndefined();
    // @ts-expect-error nor does a result before narrowing
    void r.medianMs;
    expect(r.status === 'ok' ? r.medianMs : null).toBe(10);
  });
});
