// <bench-panel>: a live benchmark declared in slide markup, with no per-slide code.
//
//   <bench-panel id="s3-1" variants="naive,element-vectorised" dataset="lowL" samples="10"></bench-panel>
//   <bench-panel kind="profile|jit|freeze|speedup|messages|race|summary" …></bench-panel>
//
// The element owns what every kind shares: labelled inputs, validation with
// aria-invalid and a role="alert" message, Run/Cancel with aria-busy and
// progress, results kept in localStorage and shown again on return, export as
// JSON (the `npm run bench --json` schema) and CSV, Clear. Nothing ever starts
// without a click on Run, and speaker-view previews and print views only show
// kept results (see context.ts).
import type { Progress } from '../bench/protocol.ts';
import { DATASETS, readConfig, type DatasetName, type PanelConfig } from './config.ts';
import type { Shape } from '../kernels/types.ts';
import { mayRun, viewContext, type ViewContext } from './context.ts';
import { downloadText, exportFileName, resultsToCsv, resultsToJson } from './export.ts';
import { RESULTS_CHANGED, type PanelHost, type PanelKindBehaviour } from './host.ts';
import { IMPORTS_CHANGED } from './imports.ts';
import { knownVariant, refuseByMemory } from './memory-guard.ts';
import { progressText } from './progress.ts';
import { browserStore } from './storage.ts';
import { LIMITS, validateFields, type FieldName, type RawFields, type ValidRequest } from './validate.ts';
import { kindBehaviour } from './kinds/index.ts';
import { warmPlot } from '../charts/render.ts';

const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  m: 'm (rows of A)',
  l: 'l (inner size)',
  n: 'n (columns of B)',
  samples: 'Samples',
  workers: 'Workers',
  chunk: 'Chunk size (elements per message)',
  dtype: 'Data type',
};

let panelCount = 0;

/** How a run() ended, for whoever pressed Run programmatically (the talk's preparation). */
export type RunOutcome = 'done' | 'failed' | 'cancelled' | 'invalid' | 'refused';

function isAbort(e: unknown): boolean {
  return (e instanceof DOMException && e.name === 'AbortError') || (e instanceof Error && e.name === 'AbortError');
}

export class BenchPanel extends HTMLElement {
  private config!: PanelConfig;
  private behaviour!: PanelKindBehaviour<unknown>;
  private context: ViewContext = 'live';
  private built = false;
  private controller: AbortController | null = null;
  private data: unknown = null;
  private uid = `bp${++panelCount}`;
  /** Chart width the current drawing was made for; a resize past it draws again. */
  private drawnWidth = 0;
  private resizeObserver: ResizeObserver | null = null;
  private redrawTimer = 0;
  private readonly onImports = () => this.redraw();

  private form!: HTMLFormElement;
  private inputs = new Map<FieldName, HTMLInputElement | HTMLSelectElement>();
  private datasetSelect: HTMLSelectElement | null = null;
  private runButton: HTMLButtonElement | null = null;
  private cancelButton!: HTMLButtonElement;
  private alertBox!: HTMLElement;
  private statusBox!: HTMLElement;
  private actions!: HTMLElement;
  private host!: PanelHost;

  connectedCallback(): void {
    if (!this.built) this.build();
    this.showKept();
    // Imported results appear beside this browser's as soon as they are imported or cleared.
    this.ownerDocument.addEventListener(IMPORTS_CHANGED, this.onImports);
    // A chart drawn while its slide was hidden (no width yet) or before a resize is drawn again at the panel's width.
    const RO = this.ownerDocument.defaultView?.ResizeObserver;
    if (RO && !this.resizeObserver) {
      this.resizeObserver = new RO(() => this.scheduleRedraw());
      this.resizeObserver.observe(this);
    }
    // Evaluating Plot's modules takes tens of ms on the main thread: do it when
    // the page is idle, so it never lands inside a run.
    const win = this.ownerDocument.defaultView;
    const doc = this.ownerDocument;
    if (win && 'requestIdleCallback' in win) win.requestIdleCallback(() => void warmPlot(doc), { timeout: 3000 });
    else setTimeout(() => void warmPlot(doc), 500);
  }

  disconnectedCallback(): void {
    // A panel taken out of the page must not leave work running.
    this.controller?.abort();
    this.ownerDocument.removeEventListener(IMPORTS_CHANGED, this.onImports);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    clearTimeout(this.redrawTimer);
  }

  /** Whether run() may start work here: the kind has a Run button and this view may run (not a speaker preview or print). */
  get canRun(): boolean {
    return this.built && this.behaviour.runnable && mayRun(this.context);
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.controller !== null;
  }

  /** Cancel the run in progress, as the Cancel button does. */
  cancel(): void {
    this.controller?.abort();
  }

  private scheduleRedraw(): void {
    const win = this.ownerDocument.defaultView;
    if (!win) return;
    win.clearTimeout(this.redrawTimer);
    this.redrawTimer = win.setTimeout(() => {
      if (this.data === null || this.controller || !this.isConnected) return;
      const width = this.host.width();
      if (this.host.chart.clientWidth > 0 && Math.abs(width - this.drawnWidth) > 12) this.redraw();
      else this.markScrollable();
    }, 150);
  }

  /**
   * A table wider than the panel scrolls sideways: keyboard users must be able to
   * reach and scroll it (WCAG 2.1.1), so the box becomes a focusable, named region
   * exactly while it scrolls.
   */
  private markScrollable(): void {
    const box = this.host.table;
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', `${this.config.title ?? 'Results'}: table, scrolls sideways`);
    } else if (box.hasAttribute('tabindex')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }

  /** Draw the current data again (new width, imports changed); never during a run. */
  private redraw(): void {
    if (this.controller) return;
    if (this.data === null) {
      this.showKept();
      return;
    }
    this.drawnWidth = this.host.width();
    void this.behaviour.render(this.host, this.data).then(() => this.markScrollable(), () => undefined);
  }

  /** The element's current data (for tests and the deck): results or kind-specific data. */
  get results(): unknown {
    return this.data;
  }

  private build(): void {
    this.built = true;
    const doc = this.ownerDocument;
    this.config = readConfig((name) => this.getAttribute(name));
    this.behaviour = kindBehaviour(this.config.kind, this.config);
    this.context = viewContext(doc.defaultView?.location.search ?? '');
    this.classList.add('bench-panel', `bench-panel--${this.config.kind}`, `bench-panel--${this.context}`);
    this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', `${this.config.title ?? 'Live benchmark'} (${this.config.kind})`);

    this.form = doc.createElement('form');
    this.form.className = 'bp-controls';
    this.form.noValidate = true; // our messages, not the browser's bubbles
    const fields = this.behaviour.fields.filter(
      (f) =>
        (f !== 'workers' || this.config.workers !== null || this.config.kind === 'speedup') &&
        (f !== 'chunk' || this.config.chunk !== null) &&
        (f !== 'dtype' || this.config.dtypes === null),
    );
    if (this.config.datasets && fields.includes('m')) this.form.append(this.datasetField(doc, this.config.datasets));
    for (const field of fields) this.form.append(this.field(doc, field));
    const buttons = doc.createElement('div');
    buttons.className = 'bp-buttons';
    if (this.behaviour.runnable) {
      this.runButton = doc.createElement('button');
      this.runButton.type = 'submit';
      this.runButton.className = 'bp-run';
      this.runButton.textContent = this.behaviour.runLabel;
      buttons.append(this.runButton);
    }
    this.cancelButton = doc.createElement('button');
    this.cancelButton.type = 'button';
    this.cancelButton.className = 'bp-cancel';
    this.cancelButton.textContent = 'Cancel';
    this.cancelButton.disabled = true;
    this.cancelButton.addEventListener('click', () => this.controller?.abort());
    if (this.behaviour.runnable) buttons.append(this.cancelButton);
    this.form.append(buttons);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    // Reveal listens for keys on the document; typing a number or pressing
    // space on a button inside the panel must not change slides.
    this.addEventListener('keydown', (e) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, select, textarea, button, dialog')) e.stopPropagation();
    });

    this.alertBox = doc.createElement('div');
    this.alertBox.className = 'bp-alert';
    this.alertBox.setAttribute('role', 'alert');
    // Set now, not at the first validation: every input's aria-describedby points here.
    this.alertBox.id = `${this.uid}-alert`;
    this.statusBox = doc.createElement('p');
    this.statusBox.className = 'bp-status';
    this.statusBox.setAttribute('role', 'status');
    this.statusBox.setAttribute('aria-live', 'polite');

    const extra = doc.createElement('div');
    extra.className = 'bp-extra';
    const chart = doc.createElement('div');
    chart.className = 'bp-chart';
    const table = doc.createElement('div');
    table.className = 'bp-table-box';
    const foot = doc.createElement('div');
    foot.className = 'bp-foot';

    this.actions = doc.createElement('div');
    this.actions.className = 'bp-actions';
    if (this.behaviour.exportable) {
      this.actions.append(
        this.action(doc, 'Export JSON', 'Download these results as JSON (same schema as npm run bench --json)', () => this.export('json')),
        this.action(doc, 'Export CSV', 'Download these results as CSV', () => this.export('csv')),
      );
    }
    if (this.behaviour.runnable) this.actions.append(this.action(doc, 'Clear', 'Forget the kept results of this panel', () => this.clear()));

    const title = doc.createElement('p');
    title.className = 'bp-title';
    title.textContent = this.config.title ?? this.defaultTitle();

    const showControls = this.behaviour.runnable && this.context !== 'print';
    this.replaceChildren(title, ...(showControls ? [this.form, this.alertBox] : []), this.statusBox, extra, chart, table, foot, ...(this.context === 'print' ? [] : [this.actions]));
    if (!mayRun(this.context)) {
      this.form.querySelectorAll('input, select, button').forEach((el) => ((el as HTMLInputElement).disabled = true));
    }

    const self = this;
    this.host = {
      doc,
      config: this.config,
      chart,
      table,
      extra,
      foot,
      controls: this.form,
      alertId: this.alertBox.id,
      store: browserStore(),
      width: () => Math.max(280, Math.min(900, (chart.clientWidth || self.clientWidth || 560) - 4)),
      setStatus: (text) => {
        self.statusBox.textContent = text;
      },
      runExclusive: async (work) => {
        await self.exclusive(work);
      },
    };
    this.behaviour.mount?.(this.host);
    // Kind-specific buttons and fields (freeze's main-thread run, summary's refresh, a sweep's sizes) follow the same rule.
    if (this.context === 'print') extra.hidden = true;
    else if (!mayRun(this.context)) {
      for (const box of [extra, this.form]) box.querySelectorAll('button, input').forEach((el) => ((el as HTMLButtonElement).disabled = true));
    }
  }

  private defaultTitle(): string {
    const c = this.config;
    switch (c.kind) {
      case 'profile':
        return 'Line profile of a JavaScript kernel';
      case 'jit':
        return 'First call vs warmed calls';
      case 'freeze':
        return 'Main thread vs worker: does the page freeze?';
      case 'speedup':
        return `Speedup vs workers: ${c.variants.join(', ')}`;
      case 'messages':
        return 'Moving data to a worker: clone, transfer, share';
      case 'race':
        return 'Concurrent writes: a race and its fix';
      case 'summary':
        return c.variants.length === 0 ? 'What each lesson bought: the ladder' : 'Everything measured in this visit';
      case 'gpu-sweep':
        return `GFLOP/s against size: ${c.variants.join(', ')}`;
      default:
        return `Live benchmark: ${c.variants.join(' vs ')}`;
    }
  }

  private field(doc: Document, field: FieldName): HTMLElement {
    const wrap = doc.createElement('div');
    wrap.className = `bp-field bp-field--${field}`;
    const id = `${this.uid}-${field}`;
    const label = doc.createElement('label');
    label.htmlFor = id;
    label.textContent = FIELD_LABELS[field];
    let input: HTMLInputElement | HTMLSelectElement;
    if (field === 'dtype') {
      const select = doc.createElement('select');
      for (const [value, text] of [
        ['f64', 'float64'],
        ['f32', 'float32'],
      ] as const) {
        const o = doc.createElement('option');
        o.value = value;
        o.textContent = text;
        select.append(o);
      }
      select.value = this.config.dtype;
      input = select;
    } else {
      const el = doc.createElement('input');
      el.type = 'text'; // not type=number: we want to see and explain "1.5" or "abc", not have the browser drop it
      el.inputMode = 'numeric';
      el.autocomplete = 'off';
      el.size = field === 'l' || field === 'chunk' ? 7 : 5;
      const c = this.config;
      const bounds = `whole number from ${LIMITS[field].min} to ${LIMITS[field].max.toLocaleString('en')}`;
      if (field === 'chunk') {
        // Empty is the notebook's default: the elements split into one chunk per worker.
        el.value = c.chunk === null || c.chunk === 'auto' ? '' : String(c.chunk);
        el.placeholder = 'auto';
        el.title = `${FIELD_LABELS[field]}: ${bounds}; empty = auto, one chunk per worker`;
      } else {
        const value = field === 'samples' ? c.samples : field === 'workers' ? (c.workers ?? 2) : c.shape[field];
        el.value = String(value);
        el.title = `${FIELD_LABELS[field]}: ${bounds}`;
      }
      el.setAttribute('aria-describedby', `${this.uid}-alert`);
      input = el;
    }
    input.id = id;
    input.name = field;
    input.addEventListener('input', () => this.clearInvalid(field));
    this.inputs.set(field, input);
    wrap.append(label, input);
    return wrap;
  }

  /** Data-set chooser: picking one fills m, l, n (and the type); "all" runs every listed set. */
  private datasetField(doc: Document, names: readonly DatasetName[]): HTMLElement {
    const wrap = doc.createElement('div');
    wrap.className = 'bp-field bp-field--dataset';
    const id = `${this.uid}-dataset`;
    const label = doc.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Data set';
    const select = doc.createElement('select');
    select.id = id;
    select.name = 'dataset';
    const describe = (d: DatasetName) => {
      const { shape, dtype } = DATASETS[d];
      return `${d} (${shape.m}×${shape.n}, l=${shape.l}${dtype === 'f32' ? ', f32' : ''})`;
    };
    for (const d of names) select.append(new Option(describe(d), d));
    if (names.length > 1) select.append(new Option('all of these', 'all'));
    select.append(new Option('custom sizes', 'custom'));
    const c = this.config;
    const matches = (d: DatasetName) => DATASETS[d].shape.m === c.shape.m && DATASETS[d].shape.l === c.shape.l && DATASETS[d].shape.n === c.shape.n;
    select.value = c.dataset && names.includes(c.dataset) && matches(c.dataset) ? c.dataset : 'custom';
    select.addEventListener('change', () => {
      const value = select.value;
      const sizes = (['m', 'l', 'n'] as const).map((f) => this.inputs.get(f) as HTMLInputElement | undefined);
      if (value === 'all') {
        sizes.forEach((el) => el && (el.disabled = true));
      } else {
        sizes.forEach((el) => el && (el.disabled = !mayRun(this.context)));
        if (value !== 'custom') {
          const { shape, dtype } = DATASETS[value as DatasetName];
          sizes.forEach((el, i) => el && (el.value = String(shape[(['m', 'l', 'n'] as const)[i]!])));
          const dt = this.inputs.get('dtype');
          if (dt) dt.value = dtype;
        }
      }
      for (const f of ['m', 'l', 'n'] as const) this.clearInvalid(f);
    });
    // Typing a size makes the choice "custom", so the label never lies.
    this.form.addEventListener('input', (e) => {
      if ((e.target as HTMLElement).matches('[name="m"], [name="l"], [name="n"]')) select.value = 'custom';
    });
    this.datasetSelect = select;
    wrap.append(label, select);
    return wrap;
  }

  private action(doc: Document, text: string, title: string, onClick: () => void): HTMLButtonElement {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = `bp-action bp-${text.toLowerCase().replace(/\s+/g, '-')}`;
    b.textContent = text;
    b.title = title;
    b.addEventListener('click', onClick);
    return b;
  }

  private clearInvalid(field: FieldName): void {
    const input = this.inputs.get(field);
    input?.removeAttribute('aria-invalid');
  }

  private readFields(): RawFields {
    const get = (f: FieldName) => this.inputs.get(f)?.value;
    const c = this.config;
    return {
      m: get('m') ?? String(c.shape.m),
      l: get('l') ?? String(c.shape.l),
      n: get('n') ?? String(c.shape.n),
      samples: get('samples') ?? String(c.samples),
      dtype: get('dtype') ?? c.dtype,
      ...(this.inputs.has('workers') ? { workers: get('workers') } : {}),
      ...(this.inputs.has('chunk') ? { chunk: get('chunk') } : {}),
    };
  }

  /** Shapes the Run button will measure: every listed data set when "all" is chosen. */
  private shapes(v: ValidRequest): Shape[] {
    if (this.datasetSelect?.value === 'all' && this.config.datasets) return this.config.datasets.map((d) => DATASETS[d].shape);
    return [v.shape];
  }

  /** Show validation errors; returns whether the fields are good. */
  private validate() {
    const cores = this.ownerDocument.defaultView?.navigator.hardwareConcurrency ?? 4;
    const variants = this.config.variants.filter(knownVariant);
    const options = { variants, refuse: refuseByMemory, maxWorkers: Math.max(4, cores * 4) };
    let v = validateFields(this.readFields(), options);
    const kindErrors = this.behaviour.validate?.(this.host) ?? [];
    if (v.ok && this.datasetSelect?.value === 'all') {
      // Each listed set must pass the same checks (the big one may not fit every variant).
      for (const shape of this.shapes(v.value)) {
        const each = validateFields({ ...this.readFields(), m: String(shape.m), l: String(shape.l), n: String(shape.n) }, options);
        if (!each.ok) {
          v = each;
          break;
        }
      }
    }
    for (const [field, input] of this.inputs) {
      const bad = !v.ok && v.errors[field] !== undefined;
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (v.ok && kindErrors.length > 0) v = { ok: false, errors: {} };
    if (v.ok) {
      this.alertBox.replaceChildren();
      const unknown = this.config.variants.filter((id) => !knownVariant(id));
      if (unknown.length > 0 && this.config.kind !== 'messages' && this.config.kind !== 'race') {
        // A slide typo: say so rather than run nothing.
        this.alertBox.textContent = `Unknown variant id(s) in this slide: ${unknown.join(', ')}.`;
      }
      return v;
    }
    const messages = [...new Set([...Object.values(v.errors), ...kindErrors])];
    const list = this.ownerDocument.createElement('ul');
    for (const m of messages) {
      const li = this.ownerDocument.createElement('li');
      li.textContent = m ?? '';
      list.append(li);
    }
    this.alertBox.replaceChildren(list);
    const firstBad = [...this.inputs.entries()].find(([f]) => v.errors[f] !== undefined)?.[1];
    (firstBad ?? this.form.querySelector<HTMLElement>('[aria-invalid="true"]'))?.focus();
    return v;
  }

  /**
   * Run button: validate, then run the kind's work under busy state and cancel.
   * Resolves when the run has ended, with how it ended.
   */
  async run(): Promise<RunOutcome> {
    if (this.controller || !this.canRun) return 'refused';
    const v = this.validate();
    if (!v.ok) {
      this.statusBox.textContent = 'Not run: fix the highlighted values.';
      return 'invalid';
    }
    return this.exclusive(async (signal) => {
      // Progress callbacks cross a worker boundary and can arrive after the
      // results; once the run has settled they must not overwrite the status.
      let settled = false;
      const data = await this.behaviour
        .run(this.host, {
          request: v.value,
          shapes: this.shapes(v.value),
          signal,
          onProgress: (p: Progress) => {
            if (!signal.aborted && !settled) this.statusBox.textContent = progressText(p);
          },
        })
        .finally(() => {
          settled = true;
        });
      if (signal.aborted) return;
      this.data = data;
      const saved = this.behaviour.save(this.host, data);
      this.ownerDocument.dispatchEvent(new CustomEvent(RESULTS_CHANGED, { detail: { id: this.config.id } }));
      this.drawnWidth = this.host.width();
      await this.behaviour.render(this.host, data);
      this.markScrollable();
      this.statusBox.textContent = `Done at ${new Date().toLocaleTimeString()}.${saved ? '' : ' (Could not keep the results: storage unavailable.)'}`;
    });
  }

  private async exclusive(work: (signal: AbortSignal) => Promise<void>): Promise<RunOutcome> {
    if (this.controller) return 'refused';
    let outcome: RunOutcome = 'done';
    const controller = new AbortController();
    this.controller = controller;
    this.setAttribute('aria-busy', 'true');
    if (this.runButton) this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.statusBox.textContent = 'Starting…';
    try {
      await work(controller.signal);
      if (controller.signal.aborted) outcome = 'cancelled';
    } catch (e) {
      if (isAbort(e) || controller.signal.aborted) {
        outcome = 'cancelled';
        this.statusBox.textContent = 'Cancelled. Kept results (if any) are still shown.';
      } else {
        outcome = 'failed';
        this.statusBox.textContent = '';
        this.alertBox.textContent = `The run failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    } finally {
      this.controller = null;
      this.removeAttribute('aria-busy');
      if (this.runButton) this.runButton.disabled = false;
      this.cancelButton.disabled = true;
    }
    return outcome;
  }

  /** Show what was kept from an earlier run (or a placeholder). */
  showKept(): void {
    const data = this.behaviour.refresh?.(this.host) ?? this.behaviour.load(this.host);
    this.data = data;
    if (data === null) {
      this.host.chart.replaceChildren();
      this.host.table.replaceChildren();
      this.host.foot.replaceChildren();
      this.statusBox.textContent =
        this.context === 'speaker-preview'
          ? 'Not run yet. (Runs only in the audience window.)'
          : this.context === 'print'
            ? 'Not run yet: this printed view shows results kept from a live run in this browser.'
            : this.behaviour.runnable
            ? 'Not run yet. Press Run to measure in this browser.'
            : 'Nothing measured yet in this visit.';
      return;
    }
    this.statusBox.textContent = this.behaviour.runnable ? 'Kept results from earlier in this visit. Run to measure again.' : '';
    if (this.context === 'speaker-preview') this.statusBox.textContent = 'Kept results (runs only in the audience window).';
    if (this.context === 'print') this.statusBox.textContent = 'Results kept from a live run in this browser (time and environment below).';
    this.drawnWidth = this.host.width();
    void this.behaviour.render(this.host, data).then(() => this.markScrollable()).catch((e: unknown) => {
      this.statusBox.textContent = `Could not draw the kept results: ${e instanceof Error ? e.message : String(e)}`;
    });
  }

  private export(kind: 'json' | 'csv'): void {
    const results = this.data === null ? [] : (this.behaviour.exportable?.(this.data) ?? []);
    if (results.length === 0) {
      this.statusBox.textContent = 'Nothing to export yet: run first.';
      return;
    }
    const text = kind === 'json' ? resultsToJson(results) : resultsToCsv(results);
    downloadText(this.ownerDocument, exportFileName(this.config.id, kind), text, kind === 'json' ? 'application/json' : 'text/csv');
  }

  /** Export text, for tests and for a presenter's console. */
  exportText(kind: 'json' | 'csv'): string {
    const results = this.data === null ? [] : (this.behaviour.exportable?.(this.data) ?? []);
    return kind === 'json' ? resultsToJson(results) : resultsToCsv(results);
  }

  private clear(): void {
    this.controller?.abort();
    this.behaviour.clear(this.host);
    this.ownerDocument.dispatchEvent(new CustomEvent(RESULTS_CHANGED, { detail: { id: this.config.id } }));
    this.showKept();
  }
}

export const BENCH_PANEL_TAG = 'bench-panel';

export function defineBenchPanel(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(BENCH_PANEL_TAG)) registry.define(BENCH_PANEL_TAG, BenchPanel);
}
