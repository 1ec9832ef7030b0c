// The areas every panel has, in the order the page (and panel.css) expects them:
// title, form, alert, status, the kind's extra, chart, table, foot, actions.

export interface PanelLayout {
  readonly title: HTMLParagraphElement;
  /** Validation messages and failures; every input's aria-describedby points here. */
  readonly alert: HTMLElement;
  readonly status: HTMLElement;
  readonly extra: HTMLElement;
  readonly chart: HTMLElement;
  readonly table: HTMLElement;
  readonly foot: HTMLElement;
  /** Export and Clear. */
  readonly actions: HTMLElement;
}

function box(doc: Document, tag: 'div' | 'p', className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  return el;
}

export function panelLayout(doc: Document, uid: string, titleText: string): PanelLayout {
  const title = doc.createElement('p');
  title.className = 'bp-title';
  title.textContent = titleText;
  const alert = box(doc, 'div', 'bp-alert');
  alert.setAttribute('role', 'alert');
  // Set now, not at the first validation: every input's aria-describedby points here.
  alert.id = `${uid}-alert`;
  const status = box(doc, 'p', 'bp-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  return {
    title,
    alert,
    status,
    extra: box(doc, 'div', 'bp-extra'),
    chart: box(doc, 'div', 'bp-chart'),
    table: box(doc, 'div', 'bp-table-box'),
    foot: box(doc, 'div', 'bp-foot'),
    actions: box(doc, 'div', 'bp-actions'),
  };
}

/** A plain button (type="button", so it never submits a form): the panels' own and the deck's tools. */
export function button(doc: Document, className: string, text: string, onClick?: () => void, title?: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  if (className) b.className = className;
  b.textContent = text;
  if (title !== undefined) b.title = title;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** A paragraph of text with its classes (a panel's notes and warnings). */
export function note(doc: Document, className: string, text: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** Export and Clear: class "bp-action bp-export-json" from the text. */
export function actionButton(doc: Document, text: string, title: string, onClick: () => void): HTMLButtonElement {
  return button(doc, `bp-action bp-${text.toLowerCase().replace(/\s+/g, '-')}`, text, onClick, title);
}

/** The chart as one image named by `label`: the table beside it is its readable twin. */
export function showChart(area: HTMLElement, chart: Element | null, label: string, around: { readonly before?: readonly Node[]; readonly after?: readonly Node[] } = {}): void {
  if (chart) {
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
  }
  area.replaceChildren(...(around.before ?? []), ...(chart ? [chart] : []), ...(around.after ?? []));
}
