// Numbers as the deck prints them: significant figures, times, ratios, sizes,
// rates and shares. The panels, the charts, the terminal table and the memory
// guard all print through these, so a figure reads the same wherever it appears.
// Pure; imports nothing, so every layer may use it.

/** toFixed's decimals stop here: enough for three figures of a nanosecond given in ms. */
const MAX_DECIMALS = 12;

/** `x` with `digits` significant figures and never in exponent notation: 0.00123, 1.23, 123, 1235. */
export function sig(x: number, digits = 3): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const d = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(d, MAX_DECIMALS));
}

/**
 * A time given in ms, with its unit: µs below a millisecond and s from a second
 * on, where those read better; three significant figures. '–' when there is no time.
 * Tables whose heading already says "ms" print the bare figure, `sig(ms)`.
 */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (Math.abs(ms) < 1) return `${sig(ms * 1000)} µs`;
  if (Math.abs(ms) >= 1000) return `${sig(ms / 1000)} s`;
  return `${sig(ms)} ms`;
}

/** "2.50×"; '–' when there is no ratio. */
export function formatRatio(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '–' : `${sig(x)}×`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** 1536 → "1.5 KiB": binary units (powers of 1024, labelled KiB, MiB, GiB), one decimal; whole bytes. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return unit === 0 ? `${sign}${Math.round(value)} B` : `${sign}${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** GFLOP/s as a bare figure: three digits, but two significant ones below 1 (0.011, not 0.01: slow variants still differ visibly). */
export function formatGflops(g: number): string {
  if (!Number.isFinite(g)) return String(g);
  if (g >= 100) return g.toFixed(0);
  if (g >= 10) return g.toFixed(1);
  if (g >= 1) return g.toFixed(2);
  return g.toPrecision(2);
}

/** A share in per cent: "83%", "4.2%", "0.31%"; '—' when none was measured. */
export function formatPercent(pct: number | undefined): string {
  if (pct === undefined || !Number.isFinite(pct)) return '—';
  if (pct >= 10) return `${pct.toFixed(0)}%`;
  if (pct >= 1) return `${pct.toFixed(1)}%`;
  return `${pct.toPrecision(2)}%`;
}
