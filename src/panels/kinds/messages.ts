// 4.2.1: what it costs to hand the operands to a worker: structured clone
// (copy), transfer (move; the sender's buffer is detached) and a
// SharedArrayBuffer (nothing moves). measureMessageCost (src/parallel/messages.ts) does the
// measuring; this panel picks the size from m, l, n and the type, and draws.
import { bytesPer, type Dtype, type Shape } from '../../kernels/types.ts';
import { measureMessageCost, MAX_MESSAGE_BYTES, type MessageCost } from '../../parallel/messages.ts';
import { renderBars } from '../../charts/render.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { keptExtra } from '../kept.ts';
import { detailsOpen, splitTable } from '../compact-table.ts';
import { formatBytes, formatMs } from '../../format/units.ts';
import { measuredLine } from '../environment.ts';
import { note } from '../layout.ts';

export interface MessagesData {
  readonly shape: Shape;
  readonly dtype: Dtype;
  readonly costs: MessageCost[];
  readonly at: string;
}

/** Bytes of A and B, the operands a worker needs. Pure. */
export function operandPayload(shape: Shape, dtype: Dtype): number {
  return (shape.m * shape.l + shape.l * shape.n) * bytesPer(dtype);
}

function isData(v: unknown): v is MessagesData {
  const d = v as MessagesData | null;
  return typeof d === 'object' && d !== null && Array.isArray(d.costs) && typeof d.shape === 'object';
}

export const messagesKind = (): PanelKindBehaviour<MessagesData> => ({
  fields: ['m', 'l', 'n', 'samples', 'dtype'],
  runLabel: 'Measure',
  runnable: true,
  runsVariants: false,
  title: () => 'Moving data to a worker: clone, transfer, share',
  mount(host) {
    host.extra.append(
      note(
        host.doc,
        'bp-note',
        'Size = A and B for these m, l, n. A structured clone is made by the sending thread, here the page: ' +
          'while it copies, the page pauses, which is part of the cost shown. Transfer and share move no data.',
      ),
    );
  },
  async run(host, { request, signal }) {
    const bytes = operandPayload(request.shape, request.dtype);
    if (bytes > MAX_MESSAGE_BYTES) throw new RangeError(`A and B are ${formatBytes(bytes)}; this demo stops at ${formatBytes(MAX_MESSAGE_BYTES)}`);
    host.setStatus(`Handing ${formatBytes(bytes)} to a worker, ${request.samples} times per method…`);
    const costs = await measureMessageCost(bytes, { repeats: request.samples, signal, pool: await host.services.pool() });
    return { shape: request.shape, dtype: request.dtype, costs, at: host.services.now().toISOString() };
  },
  async render(host, data) {
    const ok = data.costs.filter((c) => !c.error && Number.isFinite(c.medianMs));
    const span = ok.length > 1 ? Math.max(...ok.map((c) => c.medianMs)) / Math.max(1e-6, Math.min(...ok.map((c) => c.medianMs))) : 1;
    const chart = await renderBars(
      ok.map((c) => ({ label: c.method, value: c.medianMs })),
      { document: host.doc, width: host.width(), xLabel: `round trip, median (ms${span > 100 ? ', log scale' : ''}) →`, log: span > 100, format: (v) => formatMs(v) },
    );
    host.showChart(chart, 'Median round-trip time per method; the table has the figures.');
    const bytes = data.costs[0]?.bytes ?? 0;
    const open = detailsOpen(host.table);
    host.table.replaceChildren(
      splitTable(host.doc, `Handing A and B (${formatBytes(bytes)}, ${data.shape.m}×${data.shape.l}·${data.shape.l}×${data.shape.n} ${data.dtype}) to a worker`, [
        { head: 'Method', cell: (c: MessageCost) => c.method },
        { head: 'Median', cell: (c) => (c.error ? 'not run' : formatMs(c.medianMs)), numeric: true },
        { head: 'Min', cell: (c) => (c.error ? '' : formatMs(c.minMs)), numeric: true },
        { head: 'Samples', cell: (c) => String(c.samplesMs.length), numeric: true },
        { head: 'Sender keeps', cell: (c) => (c.error ? '' : c.senderByteLengthAfter === 0 ? '0 B (detached)' : formatBytes(c.senderByteLengthAfter)), numeric: true },
        { head: 'Worker sees', cell: (c) => (c.error ? c.error : formatBytes(c.receivedBytes)), numeric: true, cls: (c) => (c.error ? 'bp-failed' : null) },
      ], ['Method', 'Median', 'Sender keeps', 'Worker sees'], data.costs, { open }),
    );
    const p = note(host.doc, 'bp-env', measuredLine(data.at, host.services.environment.page()));
    host.foot.replaceChildren(p);
  },
  ...keptExtra(isData),
});
