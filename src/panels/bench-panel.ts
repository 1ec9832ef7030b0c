// <bench-panel>: a live benchmark declared in slide markup, with no per-slide code.
//
//   <bench-panel id="s3-1" variants="naive,element-vectorised" dataset="lowL" samples="10"></bench-panel>
//   <bench-panel kind="profile|jit|freeze|speedup|messages|race|summary|gpu-sweep" …></bench-panel>
//
// The element puts together what every kind shares: the form (form.ts), one run
// lifecycle (run-controller.ts), what is shown and kept (view.ts, kept.ts), export
// and Clear; the kind (kinds/) adds its fields, runs and draws. Nothing ever
// starts without a click on Run, and speaker-view previews and print views only
// show kept results (see context.ts). The services come from the composition
// root through defineBenchPanel() (register.ts).
import type { BenchResult, Progress } from '../bench/protocol.ts';
import { readConfig, type PanelConfig } from './config.ts';
import { mayRun, viewContext, type ViewContext } from './context.ts';
import { exportText, mountActions, type ExportFormat } from './actions.ts';
import { PanelForm } from './form.ts';
import { RESULTS_CHANGED, type PanelHost, type PanelKindBehaviour } from './host.ts';
import { createKind } from './kinds/index.ts';
import { button, panelLayout, type PanelLayout } from './layout.ts';
import { createHost } from './panel-host.ts';
import { knownVariant, refuseByMemory } from './memory-guard.ts';
import { progressText } from './progress.ts';
import { RunController, type RunOutcome } from './run-controller.ts';
import type { Services } from './services.ts';
import type { Validation } from './validate.ts';
import { PanelView } from './view.ts';

export type { RunOutcome };

export class BenchPanel extends HTMLElement {
  private config!: PanelConfig;
  private behaviour!: PanelKindBehaviour<unknown>;
  private context: ViewContext = 'live';
  private built = false;
  private parts!: PanelLayout;
  private form!: PanelForm;
  private runs!: RunController;
  private view!: PanelView;
  private host!: PanelHost;

  constructor(
    private readonly services: Services,
    /** Prefix of the ids inside this panel, unique in the page. */
    private readonly uid: string,
  ) {
    super();
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    this.view.connect();
    this.showKept();
    this.services.warmCharts();
  }

  disconnectedCallback(): void {
    // A panel taken out of the page must not leave work running.
    this.cancel();
    this.view.disconnect();
  }

  /** Whether run() may start work here: the kind has a Run button and this view may run (not a speaker preview or print). */
  get canRun(): boolean {
    return this.built && this.behaviour.runnable && mayRun(this.context);
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.built && this.runs.busy;
  }

  /** Cancel the run in progress, as the Cancel button does (and leaving the slide). */
  cancel(): void {
    if (this.built) this.runs.cancel();
  }

  /** The element's current data (for tests and the deck): results or kind-specific data. */
  get results(): unknown {
    return this.built ? this.view.data : null;
  }

  /** Show what was kept from an earlier run (or a placeholder). */
  showKept(): void {
    this.view.showKept();
  }

  /**
   * Run button: validate, then run the kind's work under busy state and cancel.
   * Resolves when the run has ended, with how it ended.
   */
  async run(): Promise<RunOutcome> {
    if (!this.canRun || this.runs.busy) return 'refused';
    const v = this.validate();
    if (!v.ok) {
      this.setStatus('Not run: fix the highlighted values.');
      return 'invalid';
    }
    return this.runs.exclusive(async (signal) => {
      // Progress callbacks cross a worker boundary and can arrive after the
      // results; once the run has settled they must not overwrite the status.
      let settled = false;
      const onProgress = (p: Progress): void => {
        if (!signal.aborted && !settled) this.setStatus(progressText(p));
      };
      const data = await this.behaviour
        .run(this.host, { request: v.value, shapes: this.form.shapes(v.value), signal, onProgress })
        .finally(() => (settled = true));
      if (signal.aborted) return;
      this.view.data = data;
      const saved = this.behaviour.save(this.host, data);
      this.announce();
      await this.view.draw(data);
      this.setStatus(`Done at ${this.services.now().toLocaleTimeString()}.${saved ? '' : ' (Could not keep the results: storage unavailable.)'}`);
    });
  }

  /** Export text, for tests and for a presenter's console. */
  exportText(format: ExportFormat): string {
    return exportText(this.exported(), format);
  }

  private exported(): readonly BenchResult[] {
    const data = this.results;
    return data === null ? [] : (this.behaviour.exportable?.(data) ?? []);
  }

  private clear(): void {
    this.cancel();
    this.behaviour.clear(this.host);
    this.announce();
    this.showKept();
  }

  /** Tells the summaries that this panel's kept results changed. */
  private announce(): void {
    this.services.document.dispatchEvent(new CustomEvent(RESULTS_CHANGED, { detail: { id: this.config.id } }));
  }

  private setStatus(text: string): void {
    this.parts.status.textContent = text;
  }

  private validate(): Validation {
    const variants = this.config.variants.filter(knownVariant);
    const options = { variants, refuse: refuseByMemory, maxWorkers: Math.max(4, this.services.environment.cores * 4) };
    const kindErrors = this.behaviour.validate?.(this.host) ?? [];
    // A slide typo: say so rather than run nothing.
    const unknown = this.behaviour.runsVariants ? this.config.variants.filter((id) => !knownVariant(id)) : [];
    return this.form.validate(options, kindErrors, unknown.length > 0 ? `Unknown variant id(s) in this slide: ${unknown.join(', ')}.` : null);
  }

  private build(): void {
    this.built = true;
    const doc = this.services.document;
    const c = (this.config = readConfig((name) => this.getAttribute(name)));
    const kind = (this.behaviour = createKind(c));
    this.context = viewContext(doc.defaultView?.location.search ?? '');
    this.classList.add('bench-panel', `bench-panel--${c.kind}`, `bench-panel--${this.context}`);
    this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', `${c.title ?? 'Live benchmark'} (${c.kind})`);

    const parts = (this.parts = panelLayout(doc, this.uid, c.title ?? kind.title(c)));
    const form = (this.form = new PanelForm({ doc, uid: this.uid, alertId: parts.alert.id }, c, kind.fields, parts.alert));
    const runButton = kind.runnable ? button(doc, 'bp-run', kind.runLabel) : null;
    const cancelButton = button(doc, 'bp-cancel', 'Cancel');
    if (runButton) {
      runButton.type = 'submit';
      form.buttons.append(runButton, cancelButton);
    }
    this.runs = new RunController({
      busyOn: this,
      run: runButton,
      cancel: cancelButton,
      setStatus: (t) => this.setStatus(t),
      showFailure: (t) => (parts.alert.textContent = t),
    });
    form.element.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    // Reveal listens for keys on the document; typing a number or pressing
    // space on a button inside the panel must not change slides.
    this.addEventListener('keydown', (e) => {
      if ((e.target as Element).closest('input, select, textarea, button, dialog')) e.stopPropagation();
    });
    mountActions(parts.actions, {
      doc,
      id: c.id,
      results: kind.exportable ? () => this.exported() : null,
      clear: kind.runnable ? () => this.clear() : null,
      setStatus: (t) => this.setStatus(t),
    });
    const print = this.context === 'print';
    const controls = kind.runnable && !print ? [form.element, parts.alert] : [];
    this.replaceChildren(parts.title, ...controls, parts.status, parts.extra, parts.chart, parts.table, parts.foot, ...(print ? [] : [parts.actions]));

    this.host = createHost({
      services: this.services,
      config: c,
      layout: parts,
      form,
      panelWidth: () => this.clientWidth,
      validRequest: () => {
        const v = this.validate();
        return v.ok ? v.value : null;
      },
      runExclusive: (work) => this.runs.exclusive(work),
      follow: (update, events) => this.view.follow(update, events),
    });
    this.view = new PanelView({ element: this, host: this.host, behaviour: kind, context: this.context, busy: () => this.runs.busy, title: c.title ?? 'Results' });
    kind.mount?.(this.host);
    // Kind-specific buttons and fields (freeze's main-thread run, summary's refresh, a sweep's sizes) follow the same rule.
    if (print) parts.extra.hidden = true;
    else if (!mayRun(this.context)) {
      form.disable();
      parts.extra.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input').forEach((el) => (el.disabled = true));
    }
  }
}
