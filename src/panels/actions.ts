// Under a panel's results: Export JSON (the `npm run bench --json` schema), Export
// CSV, and Clear. The formats are export.ts's; this only wires the buttons.
import type { BenchResult } from '../bench/protocol.ts';
import { downloadText, exportFileName, resultsToCsv, resultsToJson } from './export.ts';
import { actionButton } from './layout.ts';

export type ExportFormat = 'json' | 'csv';

export function exportText(results: readonly BenchResult[], format: ExportFormat): string {
  return format === 'json' ? resultsToJson(results) : resultsToCsv(results);
}

export interface ActionParts {
  readonly doc: Document;
  /** The panel's id: it names the downloaded file. */
  readonly id: string;
  /** Null when the kind has nothing to export. */
  readonly results: (() => readonly BenchResult[]) | null;
  /** Null when the kind keeps nothing of its own to forget. */
  readonly clear: (() => void) | null;
  readonly setStatus: (text: string) => void;
}

export function mountActions(box: HTMLElement, p: ActionParts): void {
  const { doc, results } = p;
  if (results) {
    const download = (format: ExportFormat): void => {
      const list = results();
      if (list.length === 0) return p.setStatus('Nothing to export yet: run first.');
      downloadText(doc, exportFileName(p.id, format), exportText(list, format), format === 'json' ? 'application/json' : 'text/csv');
    };
    box.append(
      actionButton(doc, 'Export JSON', 'Download these results as JSON (same schema as npm run bench --json)', () => download('json')),
      actionButton(doc, 'Export CSV', 'Download these results as CSV', () => download('csv')),
    );
  }
  if (p.clear) box.append(actionButton(doc, 'Clear', 'Forget the kept results of this panel', p.clear));
}
