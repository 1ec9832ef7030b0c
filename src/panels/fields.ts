// The labelled controls of a panel's form: the built-in fields (sizes, samples,
// workers, chunk, type), the data-set chooser, and the fields a kind adds through
// its host. Every one is a label + control in a .bp-field, with an id unique in
// the page and aria-describedby pointing at the panel's alert.
import type { DatasetName, PanelConfig } from './config.ts';
import { datasets } from '../data/generate.ts';
import type { InputFieldSpec, SelectFieldSpec } from './host.ts';
import { FIELD_LABELS, LIMITS, type FieldName } from './validate.ts';

/** The label beside a built-in field: the chunk size says what it counts, the messages keep it short. */
function fieldLabel(field: FieldName): string {
  return field === 'chunk' ? `${FIELD_LABELS.chunk} (elements per message)` : FIELD_LABELS[field];
}

export type Control = HTMLInputElement | HTMLSelectElement;

/** Where a field's id comes from and where its errors are listed. */
export interface FieldContext {
  readonly doc: Document;
  /** Prefix unique in the page (the panel's uid). */
  readonly uid: string;
  readonly alertId: string;
}

/** Label and control in a .bp-field wrapper; the control clears its aria-invalid when edited. */
export function labelled(ctx: FieldContext, name: string, label: string, control: Control): HTMLElement {
  const wrap = ctx.doc.createElement('div');
  wrap.className = `bp-field bp-field--${name}`;
  const el = ctx.doc.createElement('label');
  control.id = `${ctx.uid}-${name}`;
  control.name = name;
  el.htmlFor = control.id;
  el.textContent = label;
  control.addEventListener('input', () => control.removeAttribute('aria-invalid'));
  wrap.append(el, control);
  return wrap;
}

/** A text input (not type=number: we want to see and explain "1.5" or "abc", not have the browser drop it). */
export function textInput(ctx: FieldContext, spec: Omit<InputFieldSpec, 'name' | 'label'>): HTMLInputElement {
  const el = ctx.doc.createElement('input');
  el.type = 'text';
  if (spec.numeric) el.inputMode = 'numeric';
  el.autocomplete = 'off';
  if (spec.size !== undefined) el.size = spec.size;
  el.value = spec.value;
  if (spec.title !== undefined) el.title = spec.title;
  el.setAttribute('aria-describedby', ctx.alertId);
  return el;
}

export function select(ctx: FieldContext, spec: Omit<SelectFieldSpec, 'name' | 'label'>): HTMLSelectElement {
  const el = ctx.doc.createElement('select');
  for (const o of spec.options) el.append(new Option(o.text, o.value));
  if (spec.value !== undefined) el.value = spec.value;
  if (spec.title !== undefined) el.title = spec.title;
  return el;
}

/** One built-in field, filled from the slide's declaration. */
export function builtInField(ctx: FieldContext, field: FieldName, c: PanelConfig): { wrap: HTMLElement; control: Control } {
  if (field === 'dtype') {
    const control = select(ctx, { options: [{ value: 'f64', text: 'float64' }, { value: 'f32', text: 'float32' }], value: c.dtype });
    return { wrap: labelled(ctx, field, fieldLabel(field), control), control };
  }
  const bounds = `whole number from ${LIMITS[field].min} to ${LIMITS[field].max.toLocaleString('en')}`;
  const size = field === 'l' || field === 'chunk' ? 7 : 5;
  let control: HTMLInputElement;
  if (field === 'chunk') {
    // Empty is the notebook's default: the elements split into one chunk per worker.
    const value = c.chunk === null || c.chunk === 'auto' ? '' : String(c.chunk);
    control = textInput(ctx, { value, size, numeric: true, title: `${fieldLabel(field)}: ${bounds}; empty = auto, one chunk per worker` });
    control.placeholder = 'auto';
  } else {
    const value = field === 'samples' ? c.samples : field === 'workers' ? (c.workers ?? 2) : c.shape[field];
    control = textInput(ctx, { value: String(value), size, numeric: true, title: `${fieldLabel(field)}: ${bounds}` });
  }
  return { wrap: labelled(ctx, field, fieldLabel(field), control), control };
}

/** "lowL (200×400, l=10)", "big (200×400, l=100000, f32)". */
function describeDataset(d: DatasetName): string {
  const { shape, dtype } = datasets[d];
  return `${d} (${shape.m}×${shape.n}, l=${shape.l}${dtype === 'f32' ? ', f32' : ''})`;
}

/** The data-set chooser: each listed set, "all of these" when there are several, and "custom sizes". */
export function datasetField(ctx: FieldContext, names: readonly DatasetName[], c: PanelConfig): { wrap: HTMLElement; control: HTMLSelectElement } {
  const options = [
    ...names.map((d) => ({ value: d, text: describeDataset(d) })),
    ...(names.length > 1 ? [{ value: 'all', text: 'all of these' }] : []),
    { value: 'custom', text: 'custom sizes' },
  ];
  const matches = (d: DatasetName) => datasets[d].shape.m === c.shape.m && datasets[d].shape.l === c.shape.l && datasets[d].shape.n === c.shape.n;
  const value = c.dataset && names.includes(c.dataset) && matches(c.dataset) ? c.dataset : 'custom';
  const control = select(ctx, { options, value });
  const wrap = labelled(ctx, 'dataset', 'Data set', control);
  return { wrap, control };
}
