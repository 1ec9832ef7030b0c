// The PanelHost a kind receives, put together from the panel's parts: its areas
// (layout.ts), its form (form.ts), its services, and the element's own run and
// validation. Kinds see only this, never the element or its DOM around them.
import type { PanelConfig } from './config.ts';
import type { PanelForm } from './form.ts';
import { RESULTS_CHANGED, type PanelHost } from './host.ts';
import { showChart, type PanelLayout } from './layout.ts';
import type { Services } from './services.ts';
import type { ValidRequest } from './validate.ts';

export interface HostParts {
  readonly services: Services;
  readonly config: PanelConfig;
  readonly layout: PanelLayout;
  readonly form: PanelForm;
  /** The panel's own width, before its chart area has one. */
  readonly panelWidth: () => number;
  readonly validRequest: () => ValidRequest | null;
  readonly runExclusive: (work: (signal: AbortSignal) => Promise<void>) => Promise<unknown>;
  readonly follow: (update: () => void, events: readonly string[]) => void;
}

export function createHost(p: HostParts): PanelHost {
  const { services, layout, form } = p;
  return {
    doc: services.document,
    config: p.config,
    services,
    store: services.store,
    chart: layout.chart,
    table: layout.table,
    extra: layout.extra,
    foot: layout.foot,
    width: () => Math.max(280, Math.min(900, (layout.chart.clientWidth || p.panelWidth() || 560) - 4)),
    setStatus: (text) => {
      layout.status.textContent = text;
    },
    addField: form.add.bind(form) as PanelHost['addField'],
    addButton: (spec) => form.addButton(spec),
    showChart: (chart, label, around) => showChart(layout.chart, chart, label, around),
    validRequest: p.validRequest,
    runExclusive: async (work) => {
      await p.runExclusive(work);
    },
    followChanges: (update, events = [RESULTS_CHANGED]) => p.follow(update, events),
  };
}
