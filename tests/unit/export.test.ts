import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportFileName, resultsToCsv, resultsToJson } from '../../src/panels/export.ts';
import { isBenchResult } from '../../src/panels/storage.ts';
import { mixed } from './series-fixtures.ts';

/** Minimal RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('resultsToJson()', () => {
  it('is an array of BenchResult with the fields `npm run bench --json` prints', () => {
    const back = JSON.parse(resultsToJson(mixed)) as unknown[];
    expect(back).toEqual(mixed);
    for (const r of back) {
      expect(isBenchResult(r)).toBe(true);
      for (const k of ['variant', 'm', 'l', 'n', 'dtype', 'workers', 'status', 'env', 'at']) expect(r).toHaveProperty(k);
    }
    for (const r of back.slice(0, 3)) for (const k of ['samplesMs', 'medianMs', 'gflops', 'correct']) expect(r).toHaveProperty(k);
    // A failure says why and claims no figures.
    expect(back[3]).toHaveProperty('error');
    for (const k of ['samplesMs', 'medianMs', 'gflops', 'correct']) expect(back[3]).not.toHaveProperty(k);
  });
});

describe('resultsToCsv()', () => {
  it('writes a header and one row per result that read back to the same figures', () => {
    const rows = parseCsv(resultsToCsv(mixed));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + mixed.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[1]![col('variant')]).toBe('naive');
    expect(Number(rows[1]![col('medianMs')])).toBe(10);
    expect(rows[1]![col('samplesMs')]).toBe('10 11 9 10 12');
    expect(rows[3]![col('correct')]).toBe('false');
    expect(rows[4]![col('status')]).toBe('error');
    expect(rows[4]![col('error')]).toMatch(/budget/);
    // Same columns for a failure, its figures empty: not 0 samples, not "false".
    expect(rows[4]).toHaveLength(CSV_COLUMNS.length);
    for (const c of ['medianMs', 'p10Ms', 'minMs', 'maxMs', 'coldMs', 'samples', 'samplesMs', 'gflops', 'correct', 'maxAbsError', 'kernelMs', 'bytesMoved'] as const) {
      expect(rows[4]![col(c)]).toBe('');
    }
    expect(rows[4]![col('cores')]).toBe('2');
    expect(rows[1]![col('error')]).toBe('');
    // The user agent has commas and parentheses; quoting keeps it one field.
    expect(rows[1]![col('userAgent')]).toBe(mixed[0]!.env.userAgent);
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });
});

describe('exportFileName()', () => {
  it('is file-system safe and dated', () => {
    expect(exportFileName('3.1 naive/vec', 'csv', new Date('2026-11-23T21:05:09.123Z'))).toBe('bench-3-1-naive-vec-2026-11-23T21-05-09.csv');
  });
});
