// What a panel shows: its current data drawn by its kind, drawn again when the
// panel's width changes or imported results change (never during a run), the
// kept results on arrival with a status line that fits the view, and the
// subscriptions a kind asked for (followChanges), held only while in the page.
import type { ViewContext } from './context.ts';
import { follow } from './follow.ts';
import type { PanelHost, PanelKindBehaviour } from './host.ts';
import { IMPORTS_CHANGED } from './imports.ts';

export interface ViewParts {
  readonly element: HTMLElement;
  readonly host: PanelHost;
  readonly behaviour: PanelKindBehaviour<unknown>;
  readonly context: ViewContext;
  /** Whether a run is in progress: nothing is redrawn under it. */
  readonly busy: () => boolean;
  /** Names the table's scrolling region. */
  readonly title: string;
}

export class PanelView {
  /** The kind's current data (results or its own), null before anything ran or was kept. */
  data: unknown = null;
  /** Chart width the current drawing was made for; a resize past it draws again. */
  private drawnWidth = 0;
  private redrawTimer = 0;
  private readonly followers: { readonly update: () => void; readonly events: readonly string[] }[] = [];
  /** Undo functions of what connect() started. */
  private stops: (() => void)[] = [];
  private connected = false;

  constructor(private readonly p: ViewParts) {}

  /** Registers a kind's follower; it listens from now while the panel is in the page. */
  follow(update: () => void, events: readonly string[]): void {
    const f = { update, events };
    this.followers.push(f);
    if (this.connected) this.start(f);
  }

  connect(): void {
    if (this.connected) return;
    this.connected = true;
    const { element, host } = this.p;
    // Imported results appear beside this browser's as soon as they are imported or cleared.
    const onImports = (): void => this.redraw();
    host.doc.addEventListener(IMPORTS_CHANGED, onImports);
    this.stops.push(() => host.doc.removeEventListener(IMPORTS_CHANGED, onImports));
    for (const f of this.followers) this.start(f);
    // A chart drawn while its slide was hidden (no width yet) or before a resize is drawn again at the panel's width.
    const win = host.doc.defaultView;
    const RO = win?.ResizeObserver;
    if (RO) {
      const ro = new RO(() => this.scheduleRedraw());
      ro.observe(element);
      this.stops.push(() => ro.disconnect());
    }
    this.stops.push(() => win?.clearTimeout(this.redrawTimer));
  }

  disconnect(): void {
    this.connected = false;
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  private start(f: { readonly update: () => void; readonly events: readonly string[] }): void {
    this.stops.push(follow(this.p.host.doc, this.p.host.chart, f.update, f.events));
  }

  /** Draws `data` as the panel's current data. */
  async draw(data: unknown): Promise<void> {
    this.data = data;
    this.drawnWidth = this.p.host.width();
    await this.p.behaviour.render(this.p.host, data);
    this.markScrollable();
  }

  /** Show what was kept from an earlier run (or a placeholder). */
  showKept(): void {
    const { host, behaviour, context } = this.p;
    const data = behaviour.load(host);
    this.data = data;
    if (data === null) {
      host.chart.replaceChildren();
      host.table.replaceChildren();
      host.foot.replaceChildren();
      host.setStatus(
        context === 'speaker-preview'
          ? 'Not run yet. (Runs only in the audience window.)'
          : context === 'print'
            ? 'Not run yet: this printed view shows results kept from a live run in this browser.'
            : behaviour.runnable
              ? 'Not run yet. Press Run to measure in this browser.'
              : 'Nothing measured yet in this visit.',
      );
      return;
    }
    host.setStatus(
      context === 'speaker-preview'
        ? 'Kept results (runs only in the audience window).'
        : context === 'print'
          ? 'Results kept from a live run in this browser (time and environment below).'
          : behaviour.runnable
            ? 'Kept results from earlier in this visit. Run to measure again.'
            : '',
    );
    this.draw(data).catch((e: unknown) => {
      host.setStatus(`Could not draw the kept results: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  /** Draw the current data again (new width, imports changed); never during a run. */
  private redraw(): void {
    if (this.p.busy()) return;
    if (this.data === null) this.showKept();
    else this.draw(this.data).catch(() => undefined);
  }

  private scheduleRedraw(): void {
    const win = this.p.host.doc.defaultView;
    if (!win) return;
    win.clearTimeout(this.redrawTimer);
    this.redrawTimer = win.setTimeout(() => {
      if (this.data === null || this.p.busy() || !this.p.element.isConnected) return;
      const width = this.p.host.width();
      if (this.p.host.chart.clientWidth > 0 && Math.abs(width - this.drawnWidth) > 12) this.redraw();
      else this.markScrollable();
    }, 150);
  }

  /**
   * A table wider than the panel scrolls sideways: keyboard users must be able to
   * reach and scroll it (WCAG 2.1.1), so the box becomes a focusable, named region
   * exactly while it scrolls.
   */
  private markScrollable(): void {
    const box = this.p.host.table;
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', `${this.p.title}: table, scrolls sideways`);
    } else if (box.hasAttribute('tabindex')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}
