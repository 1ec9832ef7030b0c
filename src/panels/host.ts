// What a panel kind gets from the <bench-panel> element: places to draw, a
// status line, storage, and the validated request. Each kind (matmul, jit,
// profile, freeze…) is then a small object with run/render, and the element
// owns everything common: controls, validation, busy state, cancel, export.
import type { BenchResult, Progress } from '../bench/protocol.ts';
import type { PanelConfig } from './config.ts';
import type { FieldName, ValidRequest } from './validate.ts';
import type { Shape } from '../kernels/types.ts';
import type { KeyValueStore } from './storage.ts';

export interface PanelHost {
  readonly doc: Document;
  readonly config: PanelConfig;
  /** Chart area (beside or above the table). */
  readonly chart: HTMLElement;
  /** Table twin area. */
  readonly table: HTMLElement;
  /** Kind-specific controls or live views (freeze's animation, race totals). */
  readonly extra: HTMLElement;
  /** The form of inputs: a kind may add its own field here (before the buttons), so Enter runs it too. */
  readonly controls: HTMLFormElement;
  /** Id of the panel's alert, where validation messages appear: a kind's own input points aria-describedby at it. */
  readonly alertId: string;
  /** Small print under the results: environment, method notes. */
  readonly foot: HTMLElement;
  readonly store: KeyValueStore | null;
  /** Chart width in CSS pixels. */
  width(): number;
  setStatus(text: string): void;
  /** Run work the way the Run button does: busy state, cancel, errors reported. */
  runExclusive(work: (signal: AbortSignal) => Promise<void>): Promise<void>;
}

export interface RunArgs {
  readonly request: ValidRequest;
  /** Shapes to run: the inputs' shape, or every data set when the viewer chose "all" (never empty). */
  readonly shapes: readonly Shape[];
  readonly signal: AbortSignal;
  readonly onProgress: (p: Progress) => void;
}

export interface PanelKindBehaviour<T> {
  /** Inputs shown for this kind, in order. */
  readonly fields: readonly FieldName[];
  /** Text of the Run button. */
  readonly runLabel: string;
  /** When false there is no Run button (summary). */
  readonly runnable: boolean;
  /** Optional extra UI, built once. */
  mount?(host: PanelHost): void;
  /**
   * Checks of the kind's own fields before a run, one message per problem (empty: fine).
   * The kind marks its inputs aria-invalid; the panel lists the messages in its alert.
   */
  validate?(host: PanelHost): string[];
  run(host: PanelHost, args: RunArgs): Promise<T>;
  render(host: PanelHost, data: T): Promise<void>;
  load(host: PanelHost): T | null;
  save(host: PanelHost, data: T): boolean;
  clear(host: PanelHost): void;
  /** Results for JSON/CSV export (BenchResult schema), when the kind has them. */
  exportable?(data: T): readonly BenchResult[];
  /** Called when the panel gets new data from elsewhere (summary re-reads storage). */
  refresh?(host: PanelHost): T | null;
}

/** Document event fired after a panel keeps new results (the summary listens). */
export const RESULTS_CHANGED = 'bench-results-changed';

/**
 * Calls `update` after another panel kept new results (or `events` fired): never in
 * the task that delivered the run's last message (a summary redrawing dozens of rows
 * there made a long task on the page), and only once this panel is on screen, so
 * summaries on other slides redraw when someone looks at them, not during a run.
 */
export function followChanges(host: PanelHost, update: () => void, events: readonly string[] = [RESULTS_CHANGED]): void {
  let pending = false;
  let onScreen = false;
  const flush = (): void => {
    if (!pending || !onScreen) return;
    pending = false;
    update();
  };
  for (const name of events) {
    host.doc.addEventListener(name, () => {
      pending = true;
      setTimeout(flush, 0);
    });
  }
  const View = host.doc.defaultView?.IntersectionObserver;
  if (!View) {
    onScreen = true; // no way to tell: behave as before, one task later
    return;
  }
  new View((entries) => {
    onScreen = entries.some((e) => e.isIntersecting);
    flush();
  }).observe(host.chart);
}

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
