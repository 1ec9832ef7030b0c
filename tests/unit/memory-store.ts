// localStorage's behaviour over a Map, for tests of what panels keep; writes can be
// made to fail as a full quota does.
import type { KeyValueStore } from '../../src/panels/storage.ts';

export function memoryStore(failWrites = false): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (failWrites) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}
