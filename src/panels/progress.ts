// Progress and status sentences. Pure, so the wording is tested and the panel only sets text.
import type { Progress } from '../bench/protocol.ts';

const PHASE_TEXT: Readonly<Record<Progress['phase'], string>> = {
  setup: 'preparing',
  cold: 'first call',
  warmup: 'warming up',
  sample: 'measuring',
  check: 'checking the result',
  done: 'done',
};

export function progressText(p: Progress): string {
  const head = `Variant ${p.variantIndex + 1} of ${p.variantCount} (${p.variant})`;
  if (p.phase === 'sample') return `${head}: sample ${Math.min(p.sample + 1, p.sampleCount)} of ${p.sampleCount}`;
  return `${head}: ${PHASE_TEXT[p.phase]}`;
}

/** Milliseconds with three significant figures, switching to µs or s where that reads better. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1) return `${sig(ms * 1000)} µs`;
  if (ms >= 1000) return `${sig(ms / 1000)} s`;
  return `${sig(ms)} ms`;
}

export function sig(x: number, digits = 3): string {
  if (x === 0) return '0';
  const d = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(d, 6));
}

export function formatRatio(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '–' : `${sig(x)}×`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${sig(bytes / 1024)} KiB`;
  if (bytes < 1024 ** 3) return `${sig(bytes / 1024 ** 2)} MiB`;
  return `${sig(bytes / 1024 ** 3)} GiB`;
}

/** "23 Nov 2026, 21:00": when a result was measured, with the day (a printed deck is read days later). */
export function whenText(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'at an unknown time' : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
