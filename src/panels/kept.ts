// Keeping a kind's data for the visit, written once: a kind spreads one of these
// into its behaviour instead of repeating load/save/clear. BenchResult lists go
// through storage.ts (what the summary and the export read); a demo's own data
// (freeze, messages, race, profile) is kept under its own prefix, read back
// through a guard so a stale or hand-edited entry is ignored, never thrown.
import type { BenchResult } from '../bench/protocol.ts';
import type { PanelHost, PanelKindBehaviour } from './host.ts';
import { clearResults, loadResults, saveResults, type KeyValueStore } from './storage.ts';

type Kept<T> = Pick<PanelKindBehaviour<T>, 'load' | 'save' | 'clear'>;

/** Kind-specific data that is not a BenchResult list is kept under its own prefix. */
export const EXTRA_PREFIX = 'bench-panel-extra:';

export function loadExtra<T>(store: KeyValueStore | null, id: string, guard: (v: unknown) => v is T): T | null {
  if (!store) return null;
  try {
    const text = store.getItem(EXTRA_PREFIX + id);
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    return guard(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveExtra(store: KeyValueStore | null, id: string, data: unknown): boolean {
  if (!store) return false;
  try {
    store.setItem(EXTRA_PREFIX + id, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

export function clearExtra(store: KeyValueStore | null, id: string): void {
  try {
    store?.removeItem(EXTRA_PREFIX + id);
  } catch {
    /* nothing to clear */
  }
}

/** A panel's BenchResults, under its id, plus their export. */
export const keptResults: Kept<BenchResult[]> & Required<Pick<PanelKindBehaviour<BenchResult[]>, 'exportable'>> = {
  load: (host: PanelHost) => loadResults(host.store, host.config.id),
  save: (host: PanelHost, data: BenchResult[]) => saveResults(host.store, host.config.id, data, host.services.now()),
  clear: (host: PanelHost) => clearResults(host.store, host.config.id),
  exportable: (data: BenchResult[]) => data,
};

/** A demo's own data, under its id; `guard` says what a kept entry must look like. */
export function keptExtra<T>(guard: (v: unknown) => v is T): Kept<T> {
  return {
    load: (host) => loadExtra(host.store, host.config.id, guard),
    save: (host, data) => saveExtra(host.store, host.config.id, data),
    clear: (host) => clearExtra(host.store, host.config.id),
  };
}
