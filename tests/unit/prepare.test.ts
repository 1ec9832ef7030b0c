// Preparing the talk, the pure part: panels run one at a time in order, the
// estimate of the time left, Cancel stopping the current panel and skipping
// the rest, and where preparing is refused.
import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, prepareRefusal, prepareSteps, remainingText, reportText, wantsPrepare, type PrepareStep, type PrepareUpdate } from '../../src/panels/prepare.ts';
import type { RunOutcome } from '../../src/panels/bench-panel.ts';
import { parseSlideHash, usePageMode } from '../../src/deck/page-mode.ts';

/** A fake clock and steps that "take" a given time on it. */
function fakeDeck(durations: number[], outcomes: RunOutcome[] = []) {
  let t = 0;
  const log: string[] = [];
  let cancelCurrent: (() => void) | null = null;
  const steps: PrepareStep[] = durations.map((d, i) => ({
    id: `p${i}`,
    title: `Panel ${i}`,
    show: () => log.push(`show p${i}`),
    cancel: () => cancelCurrent?.(),
    run: () =>
      new Promise<RunOutcome>((resolve) => {
        log.push(`run p${i}`);
        cancelCurrent = () => {
          log.push(`cancel p${i}`);
          resolve('cancelled');
        };
        queueMicrotask(() => {
          if (d < 0) return; // never ends by itself: only Cancel ends it
          t += d;
          log.push(`end p${i}`);
          resolve(outcomes[i] ?? 'done');
        });
      }),
  }));
  return { steps, log, now: () => t };
}

describe('prepareSteps', () => {
  it('shows and runs every panel in order, one at a time, and estimates the time left from the panels done', async () => {
    const { steps, log, now } = fakeDeck([1000, 3000, 2000, 5000], ['done', 'failed', 'done', 'done']);
    const updates: PrepareUpdate[] = [];
    const report = await prepareSteps(steps, { now, onUpdate: (u) => updates.push(u) });
    expect(log).toEqual(['show p0', 'run p0', 'end p0', 'show p1', 'run p1', 'end p1', 'show p2', 'run p2', 'end p2', 'show p3', 'run p3', 'end p3']);
    expect(updates.map((u) => `${u.index + 1}/${u.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4', '5/4']);
    // Before panel 2: one done in 1 s, 3 to go → 3 s; before panel 3: mean 2 s × 2 → 4 s; before 4: mean 2 s × 1.
    expect(updates.map((u) => u.remainingMs)).toEqual([null, 3000, 4000, 2000, 0]);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['done', 'failed', 'done', 'done']);
    expect(report.cancelled).toBe(false);
    expect(report.elapsedMs).toBe(11000);
    expect(reportText(report)).toMatch(/^Prepared: 3 of 4 panels run in 11 s; .* Panel 1: failed\.$/);
  });

  it('Cancel stops the panel that is running and skips the rest', async () => {
    const { steps, log, now } = fakeDeck([1000, -1, 1000]);
    const controller = new AbortController();
    const running = prepareSteps(steps, {
      now,
      signal: controller.signal,
      onUpdate: (u) => {
        if (u.index === 1) setTimeout(() => controller.abort(), 0);
      },
    });
    const report = await running;
    expect(log).toEqual(['show p0', 'run p0', 'end p0', 'show p1', 'run p1', 'cancel p1']);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['done', 'cancelled', 'skipped']);
    expect(report.cancelled).toBe(true);
    expect(reportText(report)).toMatch(/^Cancelled: 1 of 3 panels run/);
  });
});

describe('the estimate', () => {
  it('is the mean of the panels done for each panel left, the current one less its time so far', () => {
    expect(estimateRemainingMs([], 5)).toBeNull();
    expect(estimateRemainingMs([2000, 4000], 3)).toBe(9000);
    expect(estimateRemainingMs([2000, 4000], 3, 1000)).toBe(8000);
    expect(estimateRemainingMs([2000], 1, 5000)).toBe(0);
    // A panel slower than the mean does not eat into the estimate for the panels after it.
    expect(estimateRemainingMs([2000], 3, 5000)).toBe(4000);
    expect(estimateRemainingMs([2000], 0)).toBe(0);
  });

  it('reads in seconds under a minute, in minutes above', () => {
    expect(remainingText(null)).toMatch(/after the first panel/);
    expect(remainingText(42_000)).toBe('about 40 s left');
    expect(remainingText(150_000)).toBe('about 3 min left');
  });
});

describe('where preparing may start', () => {
  it('never in a speaker preview frame, print or the scroll view', () => {
    expect(prepareRefusal('?receiver', false)).toMatch(/speaker-view preview/);
    expect(prepareRefusal('?prepare&receiver', false)).toMatch(/speaker-view preview/);
    expect(prepareRefusal('?print-pdf', false)).toMatch(/print/);
    expect(prepareRefusal('?view=scroll', false)).toMatch(/scroll view/);
    expect(prepareRefusal('', true)).toMatch(/scroll view/);
    expect(prepareRefusal('?prepare', false)).toBeNull();
    expect(prepareRefusal('', false)).toBeNull();
  });

  it('starts on load only with ?prepare', () => {
    expect(wantsPrepare('?prepare')).toBe(true);
    expect(wantsPrepare('?x=1&prepare=1')).toBe(true);
    expect(wantsPrepare('?preparex')).toBe(false);
    expect(wantsPrepare('')).toBe(false);
  });
});

describe('the page layout on narrow screens', () => {
  const win = (width: number, search = '') => ({ innerWidth: width, location: { search } as Location });
  it('applies at or below 820 px, never to print or a speaker preview', () => {
    expect(usePageMode(win(390))).toBe(true);
    expect(usePageMode(win(820))).toBe(true);
    expect(usePageMode(win(1280))).toBe(false);
    expect(usePageMode(win(390, '?print-pdf'))).toBe(false);
    expect(usePageMode(win(600, '?receiver'))).toBe(false);
  });

  it('reads a #/h/v deep link', () => {
    expect(parseSlideHash('#/3/6')).toEqual({ h: 3, v: 6 });
    expect(parseSlideHash('#/4')).toEqual({ h: 4, v: 0 });
    expect(parseSlideHash('#intro')).toBeNull();
  });
});
