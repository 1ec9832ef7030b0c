// What a panel kind gets from the <bench-panel> element, and what it gives back.
// The element owns everything common (fields, validation, busy state, cancel,
// kept results, export); a kind (matmul, jit, profile, freeze…, one module each
// in kinds/) says which fields it uses, what its title is, and how to run and
// draw, and touches the page only through this host.
import type { BenchResult, Progress } from '../bench/protocol.ts';
import type { PanelConfig } from './config.ts';
import type { FieldName, ValidRequest } from './validate.ts';
import type { Shape } from '../kernels/types.ts';
import type { KeyValueStore } from './storage.ts';
import type { Services } from './services.ts';

/** A kind's own input, laid out, labelled and validated like the built-in ones. */
export interface InputFieldSpec {
  /** The control's name (tests and CSS find it by it). */
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly title?: string;
  /** Width in characters. */
  readonly size?: number;
  /** Whole numbers: the numeric keypad on touch screens. */
  readonly numeric?: boolean;
}

export interface SelectFieldSpec {
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly value?: string;
  readonly title?: string;
}

export interface ButtonSpec {
  readonly className: string;
  readonly text: string;
  readonly title?: string;
  readonly onClick: () => void;
}

export interface PanelHost {
  readonly doc: Document;
  readonly config: PanelConfig;
  /** The runner, pool, profiler, environment and clock the composition root built. */
  readonly services: Services;
  readonly store: KeyValueStore | null;
  /** Chart area (beside or above the table). */
  readonly chart: HTMLElement;
  /** Table twin area. */
  readonly table: HTMLElement;
  /** Kind-specific live views and notes (freeze's dial, a method note). */
  readonly extra: HTMLElement;
  /** Small print under the results: environment, method notes. */
  readonly foot: HTMLElement;
  /** Chart width in CSS pixels. */
  width(): number;
  setStatus(text: string): void;
  /**
   * Adds a field of the kind's own to the form, before the buttons (so Enter runs
   * it too), with a label, an id, aria-describedby pointing at the panel's alert,
   * and aria-invalid cleared as soon as it is edited. Returns the control.
   */
  addField(spec: InputFieldSpec): HTMLInputElement;
  addField(spec: SelectFieldSpec): HTMLSelectElement;
  /** A button beside Run and Cancel. */
  addButton(spec: ButtonSpec): HTMLButtonElement;
  /**
   * Shows a chart as one image named by `label` (its table is the readable twin),
   * with `before` and `after` around it; null (nothing to draw) empties the area but for them.
   */
  showChart(chart: Element | null, label: string, around?: { readonly before?: readonly Node[]; readonly after?: readonly Node[] }): void;
  /** Validates the form as Run does (marking bad fields, listing the messages); the request, or null. */
  validRequest(): ValidRequest | null;
  /** Run work the way the Run button does: busy state, cancel, errors reported. */
  runExclusive(work: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /**
   * Calls `update` after another panel kept new results (or `events` fired): never in
   * the task that delivered the run's last message (a summary redrawing dozens of rows
   * there made a long task on the page), and only while this panel is on screen, so
   * summaries on other slides redraw when someone looks at them, not during a run.
   * The panel stops listening when it leaves the page.
   */
  followChanges(update: () => void, events?: readonly string[]): void;
}

export interface RunArgs {
  readonly request: ValidRequest;
  /** Shapes to run: the inputs' shape, or every data set when the viewer chose "all" (never empty). */
  readonly shapes: readonly Shape[];
  readonly signal: AbortSignal;
  readonly onProgress: (p: Progress) => void;
}

export interface PanelKindBehaviour<T> {
  /**
   * Built-in inputs this kind reads, in order. The slide still decides whether
   * workers, chunk and the type are shown (see config.ts).
   */
  readonly fields: readonly FieldName[];
  /** Text of the Run button. */
  readonly runLabel: string;
  /** When false there is no Run button (summary). */
  readonly runnable: boolean;
  /** The title when the slide gives none. */
  title(config: PanelConfig): string;
  /** False for demos that take no variant ids (messages, race): the slide's list is then not checked. */
  readonly runsVariants: boolean;
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
}

/** Each panel gets its own behaviour object, so a kind keeps its controls in a closure, not in a module-level map. */
export type PanelKindFactory<T> = () => PanelKindBehaviour<T>;

/** Document event fired after a panel keeps new results (the summary listens). */
export const RESULTS_CHANGED = 'bench-results-changed';
