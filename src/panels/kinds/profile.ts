// 2.2: a line profile of a JavaScript kernel (naive by default; any of the
// array-programming ones of section 3 too), measured live in a worker, laid out
// like line_profiler's report (Line, Hits, Time, Per hit, % Time, source).
import type { ProfileRow } from '../../profile/instrument.ts';
import type { ProfileReport } from '../../profile/protocol.ts';
import { isProfiledKernel, PROFILED_KERNEL_IDS, PROFILED_KERNELS, type ProfiledKernel } from '../../profile/kernels.ts';
import { measuredLine } from '../environment.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { keptExtra } from '../kept.ts';
import { formatMs, formatRatio, sig } from '../../format/units.ts';
import { DEFAULT_SEED } from '../../data/generate.ts';
import { note } from '../layout.ts';

function isReport(v: unknown): v is ProfileReport {
  const r = v as ProfileReport | null;
  return (
    typeof r === 'object' && r !== null && r.type === 'profile' && isProfiledKernel(r.kernel) && Array.isArray(r.rows) &&
    typeof r.instrumentedMsPerCall === 'number' && typeof r.plainMsPerCall === 'number' && typeof r.env === 'object'
  );
}

function cell(doc: Document, tag: 'td' | 'th', text: string, cls?: string): HTMLTableCellElement {
  const c = doc.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
}

export function profileTable(doc: Document, rows: readonly ProfileRow[], caption: string): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'bp-table bp-profile';
  const cap = doc.createElement('caption');
  cap.textContent = caption;
  const head = doc.createElement('tr');
  for (const [h, num] of [['Line', true], ['Hits', true], ['Time', true], ['Per hit', true], ['% Time', true], ['Line contents', false]] as const) {
    const th = cell(doc, 'th', h, num ? 'num' : undefined);
    th.scope = 'col';
    head.append(th);
  }
  const thead = doc.createElement('thead');
  thead.append(head);
  const tbody = doc.createElement('tbody');
  for (const r of rows) {
    const tr = doc.createElement('tr');
    const pct = r.percent === null ? '' : sig(r.percent, 3);
    const pctCell = cell(doc, 'td', pct, 'num bp-pct');
    if (r.percent !== null) pctCell.style.setProperty('--pct', `${Math.max(0, Math.min(100, r.percent))}%`);
    tr.append(
      cell(doc, 'td', String(r.line), 'num'),
      cell(doc, 'td', r.hits === null ? '' : r.hits.toLocaleString('en'), 'num'),
      cell(doc, 'td', r.timeMs === null ? '' : formatMs(r.timeMs), 'num'),
      cell(doc, 'td', r.perHitNs === null ? '' : `${sig(r.perHitNs)} ns`, 'num'),
      pctCell,
    );
    const src = cell(doc, 'td', '', 'bp-src');
    const code = doc.createElement('code');
    code.textContent = r.source;
    src.append(code);
    tr.append(src);
    if (r.percent !== null && r.percent >= 30) tr.className = 'bp-hot';
    tbody.append(tr);
  }
  table.append(cap, thead, tbody);
  return table;
}

export function profileKind(): PanelKindBehaviour<ProfileReport> {
  let kernel: HTMLSelectElement | null = null;
  const chosenKernel = (): ProfiledKernel => (isProfiledKernel(kernel?.value) ? kernel.value : 'naive');
  return {
    fields: ['m', 'l', 'n', 'samples', 'dtype'],
    runLabel: 'Profile',
    runnable: true,
    runsVariants: true,
    title: () => 'Line profile of a JavaScript kernel',
    mount(host) {
      // In the form, before the buttons, so Enter profiles the chosen kernel.
      kernel = host.addField({ name: 'kernel', label: 'Kernel', options: PROFILED_KERNEL_IDS.map((id) => ({ value: id, text: PROFILED_KERNELS[id].label })) });
      host.extra.append(
        note(
          host.doc,
          'bp-note',
          'Method: the kernel\u2019s shown source is rewritten so that each line first reads performance.now() and charges the time since the previous line; loop headers count each test. ' +
            'Samples = profiled calls. The probes cost far more than a multiply-add, so read the proportions, not the absolute times.',
        ),
      );
    },
    async run(host, { request, signal }) {
      const calls = Math.min(request.samples, 20);
      return host.services.profiler.run(
        { type: 'profile', kernel: chosenKernel(), shape: request.shape, dtype: request.dtype, calls, seed: DEFAULT_SEED },
        { signal, onProgress: (done, total) => host.setStatus(`Profiling: call ${done} of ${total}`) },
      );
    },
    async render(host, r) {
      host.chart.replaceChildren();
      const { m, l, n } = r.shape;
      host.table.replaceChildren(profileTable(host.doc, r.rows, `${r.kernel} kernel, ${m}×${l}×${n} ${r.dtype}, ${r.calls} call${r.calls > 1 ? 's' : ''}; % Time is per function`));
      const doc = host.doc;
      const lines = [
        `Instrumented: ${formatMs(r.instrumentedMsPerCall)} per call; the real kernel: ${formatMs(r.plainMsPerCall)} per call (profiling slows it ${formatRatio(r.instrumentedMsPerCall / r.plainMsPerCall)}). ` +
          `A probe charges about ${sig(r.probeNsPerHit)} ns per hit to the lines around it.`,
        `${r.correct ? '✓ The instrumented kernel still computes the right product.' : '✗ The instrumented kernel gave a WRONG product.'}`,
        measuredLine(r.at, r.env),
      ];
      host.foot.replaceChildren(
        ...lines.map((t, i) => {
          const p = note(doc, i === 1 ? (r.correct ? 'bp-ok' : 'bp-wrong') : 'bp-env', t);
          return p;
        }),
      );
    },
    ...keptExtra(isReport),
  };
}
