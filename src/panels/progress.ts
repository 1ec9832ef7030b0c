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

/** "23 Nov 2026, 21:00": when a result was measured, with the day (a printed deck is read days later). */
export function whenText(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'at an unknown time' : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
