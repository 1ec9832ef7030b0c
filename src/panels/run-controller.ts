// One lifecycle for every run of a panel, whatever started it (Run, a kind's own
// button such as freeze's main-thread run, the talk's preparation): busy state
// (aria-busy, Run disabled, Cancel enabled), one AbortController, and how it
// ended said in the status line or the alert. Cancel, Clear, leaving the slide
// and taking the panel out of the page all end a run through cancel().
import { settle } from '../bench/abort.ts';

/** How a run ended, for whoever pressed Run programmatically (the talk's preparation). */
export type RunOutcome = 'done' | 'failed' | 'cancelled' | 'invalid' | 'refused';

export interface RunControls {
  /** Gets aria-busy while a run is in progress. */
  readonly busyOn: Element;
  readonly run: HTMLButtonElement | null;
  readonly cancel: HTMLButtonElement;
  setStatus(text: string): void;
  /** Shows why a run failed (the panel's alert). */
  showFailure(text: string): void;
}

export class RunController {
  private controller: AbortController | null = null;

  constructor(private readonly ui: RunControls) {
    ui.cancel.disabled = true;
    ui.cancel.addEventListener('click', () => this.cancel());
  }

  get busy(): boolean {
    return this.controller !== null;
  }

  /** Abort the run in progress, if any: the one path every way of stopping takes. */
  cancel(): void {
    this.controller?.abort();
  }

  /** Runs `work` under busy state; refused while another run is in progress. */
  async exclusive(work: (signal: AbortSignal) => Promise<void>): Promise<RunOutcome> {
    if (this.controller) return 'refused';
    const { ui } = this;
    const controller = new AbortController();
    this.controller = controller;
    ui.busyOn.setAttribute('aria-busy', 'true');
    if (ui.run) ui.run.disabled = true;
    ui.cancel.disabled = false;
    ui.setStatus('Starting…');
    const ended = await settle(() => work(controller.signal), controller.signal);
    this.controller = null;
    ui.busyOn.removeAttribute('aria-busy');
    if (ui.run) ui.run.disabled = false;
    ui.cancel.disabled = true;
    switch (ended.kind) {
      case 'done':
        return 'done';
      case 'cancelled':
        ui.setStatus('Cancelled. Kept results (if any) are still shown.');
        return 'cancelled';
      case 'failed':
        ui.setStatus('');
        ui.showFailure(`The run failed: ${ended.error instanceof Error ? ended.error.message : String(ended.error)}`);
        return 'failed';
    }
  }
}
