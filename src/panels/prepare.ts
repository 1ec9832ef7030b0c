// Preparing the talk: every live panel of the deck run once, in slide order,
// with its default inputs, so that each slide opens on numbers from this machine
// (kept in localStorage as after any run). Started by the "Prepare talk" button
// or by `?prepare` in the URL; shows "panel k of n", an estimate of the time
// left from the panels done so far, and Cancel.
//
// Never in a speaker view's preview frame (`?receiver`), in print, or in the
// scroll view: those only show kept results (see context.ts), and a second copy
// of the deck measuring at the same time would spoil both sets of timings.
//
// The sequencing (prepareSteps) and the estimate are pure over injected steps
// and clock; the DOM part finds the panels and draws the progress box.
import type { RunOutcome } from './run-controller.ts';
import { viewContext } from './context.ts';
import { button as makeButton } from './layout.ts';

export interface PrepareStep {
  readonly id: string;
  /** What the progress line calls it: the slide's heading and the panel's title. */
  readonly title: string;
  /** Press Run; resolves when the run has ended. */
  run(): Promise<RunOutcome>;
  cancel(): void;
  /** Bring the panel on screen before it runs (the deck goes to its slide). */
  show?(): void;
}

export interface PrepareUpdate {
  /** 0-based index of the step running now (= total when finished). */
  readonly index: number;
  readonly total: number;
  readonly current: PrepareStep | null;
  /** Estimated ms left, or null before the first step has finished. */
  readonly remainingMs: number | null;
  /** How long each finished step took. */
  readonly doneMs: readonly number[];
  readonly outcomes: readonly { readonly id: string; readonly title: string; readonly outcome: RunOutcome | 'skipped' }[];
}

export interface PrepareReport {
  readonly outcomes: PrepareUpdate['outcomes'];
  readonly cancelled: boolean;
  readonly elapsedMs: number;
}

/**
 * Time left: the mean duration of the steps done so far for each step not yet
 * done, the current one counted as the mean less what it has already used (never
 * below zero, however long it takes). Null before any step is done. Pure.
 */
export function estimateRemainingMs(doneMs: readonly number[], notDone: number, currentElapsedMs = 0): number | null {
  if (doneMs.length === 0) return null;
  if (notDone <= 0) return 0;
  const mean = doneMs.reduce((a, b) => a + b, 0) / doneMs.length;
  return mean * (notDone - 1) + Math.max(0, mean - currentElapsedMs);
}

/** "about 3 min left", "about 40 s left", "estimating (after the first panel)". Pure. */
export function remainingText(ms: number | null): string {
  if (ms === null) return 'time left: known after the first panel';
  if (ms < 1000) return 'almost done';
  if (ms < 60_000) return `about ${Math.max(5, Math.round(ms / 5000) * 5)} s left`;
  return `about ${Math.round(ms / 60_000)} min left`;
}

/** Run every step in order, one at a time; Cancel stops the current one and skips the rest. */
export async function prepareSteps(
  steps: readonly PrepareStep[],
  options: { readonly signal?: AbortSignal; readonly now?: () => number; readonly onUpdate?: (u: PrepareUpdate) => void } = {},
): Promise<PrepareReport> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const outcomes: { id: string; title: string; outcome: RunOutcome | 'skipped' }[] = [];
  const durations: number[] = [];
  const total = steps.length;
  for (const [i, step] of steps.entries()) {
    if (options.signal?.aborted) {
      outcomes.push({ id: step.id, title: step.title, outcome: 'skipped' });
      continue;
    }
    options.onUpdate?.({ index: i, total, current: step, remainingMs: estimateRemainingMs(durations, total - i), doneMs: [...durations], outcomes: [...outcomes] });
    step.show?.();
    const started = now();
    const stop = () => step.cancel();
    options.signal?.addEventListener('abort', stop, { once: true });
    let outcome: RunOutcome;
    try {
      outcome = await step.run();
    } catch {
      outcome = 'failed';
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
    durations.push(now() - started);
    outcomes.push({ id: step.id, title: step.title, outcome });
  }
  const report = { outcomes, cancelled: options.signal?.aborted === true, elapsedMs: now() - t0 };
  options.onUpdate?.({ index: total, total, current: null, remainingMs: 0, doneMs: [...durations], outcomes: [...outcomes] });
  return report;
}

/** Why preparing is not allowed in this page, or null when it is. Pure. */
export function prepareRefusal(search: string, scrollView: boolean): string | null {
  const ctx = viewContext(search);
  if (ctx === 'speaker-preview') return 'This is a speaker-view preview: the talk is prepared in the audience window only.';
  if (ctx === 'print') return 'The print view only shows kept results.';
  if (ctx === 'scroll' || scrollView) return 'The scroll view is for reading: prepare the talk in the slide view.';
  return null;
}

/** `?prepare` (any value) asks for it on load. Pure. */
export function wantsPrepare(search: string): boolean {
  return new URLSearchParams(search).has('prepare');
}

/** The part of the reveal.js API used to show a panel's slide. */
export interface DeckNavigation {
  getIndices(slide?: HTMLElement): { h: number; v?: number };
  slide(h: number, v?: number): void;
  isScrollView?(): boolean;
}

interface PanelElement extends HTMLElement {
  readonly canRun: boolean;
  run(): Promise<RunOutcome>;
  cancel(): void;
}

/** Every panel that can run here, in document (slide) order, as steps. */
export function deckSteps(root: ParentNode, deck: DeckNavigation | null): PrepareStep[] {
  return [...root.querySelectorAll<PanelElement>('bench-panel')]
    .filter((p) => p.canRun === true)
    .map((panel) => {
      const section = panel.closest('section');
      const heading = section?.querySelector('h1, h2')?.textContent?.trim() ?? '';
      const title = panel.querySelector('.bp-title')?.textContent?.trim() ?? panel.id;
      return {
        id: panel.id,
        title: heading ? `${heading}: ${title}` : title,
        run: () => panel.run(),
        cancel: () => panel.cancel(),
        show: () => {
          if (!deck || !section) return;
          const { h, v } = deck.getIndices(section);
          deck.slide(h, v ?? 0);
        },
      };
    });
}

const OUTCOME_WORDS: Readonly<Record<RunOutcome | 'skipped', string>> = {
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  invalid: 'not run (invalid inputs)',
  refused: 'not run',
  skipped: 'skipped',
};

/** The closing line: how many ran, and which did not. Pure. */
export function reportText(report: PrepareReport): string {
  const done = report.outcomes.filter((o) => o.outcome === 'done').length;
  const rest = report.outcomes.filter((o) => o.outcome !== 'done');
  const minutes = report.elapsedMs >= 60_000 ? `${Math.round(report.elapsedMs / 60_000)} min` : `${Math.round(report.elapsedMs / 1000)} s`;
  const head = `${report.cancelled ? 'Cancelled' : 'Prepared'}: ${done} of ${report.outcomes.length} panels run in ${minutes}; results kept in this browser.`;
  const failed = rest.filter((o) => o.outcome !== 'skipped');
  const skipped = rest.length - failed.length;
  return [head, ...failed.map((o) => `${o.title}: ${OUTCOME_WORDS[o.outcome]}.`), ...(skipped > 0 ? [`${skipped} skipped.`] : [])].join(' ');
}

export interface PrepareControl {
  readonly button: HTMLButtonElement;
  /** Start (no-op while running); resolves with the report. */
  start(): Promise<PrepareReport | null>;
  cancel(): void;
}

/**
 * The "Prepare talk" button, and the progress box it opens: panel k of n, the
 * estimate, a progress bar and Cancel. `parent` receives the button.
 */
export function mountPrepare(doc: Document, parent: HTMLElement, deck: DeckNavigation | null): PrepareControl {
  const button = makeButton(doc, 'deck-tool prepare-button', 'Prepare talk', undefined, 'Run every panel of the deck once, in order, with its default inputs; the results are kept for the talk');

  const box = doc.createElement('div');
  box.className = 'prepare-box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', 'Preparing the talk');
  box.hidden = true;
  const line = doc.createElement('p');
  line.className = 'prepare-status';
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  const bar = doc.createElement('progress');
  bar.className = 'prepare-progress';
  bar.setAttribute('aria-label', 'Panels run so far');
  const cancel = makeButton(doc, 'prepare-cancel', 'Cancel');
  const close = makeButton(doc, 'prepare-close', 'Close');
  close.hidden = true;
  box.append(line, bar, cancel, close);
  // Keys typed in the box must not move the slides.
  box.addEventListener('keydown', (e) => e.stopPropagation());
  doc.body.append(box);

  let controller: AbortController | null = null;
  let running: Promise<PrepareReport | null> | null = null;
  let tick = 0;
  const win = doc.defaultView;

  const start = (): Promise<PrepareReport | null> => {
    if (running) return running;
    const refusal = prepareRefusal(win?.location.search ?? '', deck?.isScrollView?.() === true);
    if (refusal) {
      box.hidden = false;
      line.textContent = refusal;
      cancel.hidden = true;
      close.hidden = false;
      return Promise.resolve(null);
    }
    const steps = deckSteps(doc, deck);
    const home = deck ? deck.getIndices() : null;
    controller = new AbortController();
    const signal = controller.signal;
    box.hidden = false;
    cancel.hidden = false;
    cancel.disabled = false;
    close.hidden = true;
    button.disabled = true;
    bar.max = Math.max(1, steps.length);
    bar.value = 0;
    let last: PrepareUpdate | null = null;
    let stepStarted = performance.now();
    const say = () => {
      if (!last || last.current === null || signal.aborted) return;
      const left = estimateRemainingMs(last.doneMs, last.total - last.index, performance.now() - stepStarted);
      line.textContent = `Preparing the talk: panel ${last.index + 1} of ${last.total} (${last.current.title}) · ${remainingText(left)}`;
    };
    tick = win?.setInterval(say, 1000) ?? 0;
    running = prepareSteps(steps, {
      signal,
      onUpdate: (u) => {
        last = u;
        stepStarted = performance.now();
        bar.value = u.index;
        say();
      },
    }).then((report) => {
      win?.clearInterval(tick);
      line.textContent = reportText(report);
      cancel.hidden = true;
      close.hidden = false;
      button.disabled = false;
      if (deck && home) deck.slide(home.h, home.v ?? 0);
      controller = null;
      running = null;
      doc.dispatchEvent(new CustomEvent('talk-prepared', { detail: report }));
      return report;
    });
    return running;
  };

  button.addEventListener('click', () => void start());
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    line.textContent = 'Cancelling: stopping the panel that is running…';
    controller?.abort();
  });
  close.addEventListener('click', () => {
    box.hidden = true;
    button.focus();
  });
  parent.append(button);
  return { button, start, cancel: () => controller?.abort() };
}
