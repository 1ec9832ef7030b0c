// A panel's form: its fields, the data-set chooser that fills them, and the
// validation verdict drawn on them (aria-invalid on each bad field, the messages
// listed in the role="alert" box, focus on the first bad field). The rules are
// validate.ts's; this only reads the inputs and draws the result.
import { isDatasetName, type PanelConfig } from './config.ts';
import { datasets } from '../data/generate.ts';
import { builtInField, datasetField, labelled, select, textInput, type Control, type FieldContext } from './fields.ts';
import type { ButtonSpec, InputFieldSpec, SelectFieldSpec } from './host.ts';
import { button } from './layout.ts';
import type { Shape } from '../kernels/types.ts';
import { validateFields, type FieldName, type RawFields, type ValidateOptions, type Validation, type ValidRequest } from './validate.ts';

const SIZES = ['m', 'l', 'n'] as const;

/** The fields a panel shows: the kind's, less those the slide's declaration leaves out. Pure. */
export function shownFields(fields: readonly FieldName[], c: Pick<PanelConfig, 'workers' | 'chunk' | 'dtypes'>): FieldName[] {
  return fields.filter((f) => (f !== 'workers' || c.workers !== null) && (f !== 'chunk' || c.chunk !== null) && (f !== 'dtype' || c.dtypes === null));
}

export class PanelForm {
  readonly element: HTMLFormElement;
  readonly buttons: HTMLElement;
  private readonly inputs = new Map<FieldName, Control>();
  private readonly dataset: HTMLSelectElement | null = null;
  /** Set where nothing may run: choosing a data set must not enable the sizes again. */
  private locked = false;

  constructor(
    private readonly ctx: FieldContext,
    private readonly config: PanelConfig,
    fields: readonly FieldName[],
    private readonly alert: HTMLElement,
  ) {
    const doc = ctx.doc;
    this.element = doc.createElement('form');
    this.element.className = 'bp-controls';
    this.element.noValidate = true; // our messages, not the browser's bubbles
    const shown = shownFields(fields, config);
    if (config.datasets && shown.includes('m')) {
      const { wrap, control } = datasetField(ctx, config.datasets, config);
      this.dataset = control;
      this.element.append(wrap);
      control.addEventListener('change', () => this.useDataset(control.value));
      // Typing a size makes the choice "custom", so the label never lies.
      this.element.addEventListener('input', (e) => {
        if ((e.target as Element).matches('[name="m"], [name="l"], [name="n"]')) control.value = 'custom';
      });
    }
    for (const field of shown) {
      const { wrap, control } = builtInField(ctx, field, config);
      this.inputs.set(field, control);
      this.element.append(wrap);
    }
    this.buttons = doc.createElement('div');
    this.buttons.className = 'bp-buttons';
    this.element.append(this.buttons);
  }

  /** A kind's own field, before the buttons. */
  add(spec: InputFieldSpec | SelectFieldSpec): Control {
    const control = 'options' in spec ? select(this.ctx, spec) : textInput(this.ctx, spec);
    this.element.insertBefore(labelled(this.ctx, spec.name, spec.label, control), this.buttons);
    return control;
  }

  addButton(spec: ButtonSpec): HTMLButtonElement {
    const b = button(this.ctx.doc, spec.className, spec.text, spec.onClick, spec.title);
    this.buttons.append(b);
    return b;
  }

  /** Speaker previews and print: every control shown but none usable. */
  disable(): void {
    this.locked = true;
    this.element.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button').forEach((el) => (el.disabled = true));
  }

  private useDataset(value: string): void {
    const sizes = SIZES.map((f) => this.inputs.get(f));
    // "all" runs every listed set: the sizes are theirs, not typed.
    for (const el of sizes) if (el) el.disabled = value === 'all' || this.locked;
    if (isDatasetName(value)) {
      const { shape, dtype } = datasets[value];
      sizes.forEach((el, i) => {
        const f = SIZES[i];
        if (el && f) el.value = String(shape[f]);
      });
      const dt = this.inputs.get('dtype');
      if (dt) dt.value = dtype;
    }
    for (const el of sizes) el?.removeAttribute('aria-invalid');
  }

  private read(): RawFields {
    const get = (f: FieldName) => this.inputs.get(f)?.value;
    const c = this.config;
    const workers = get('workers');
    const chunk = get('chunk');
    return {
      m: get('m') ?? String(c.shape.m),
      l: get('l') ?? String(c.shape.l),
      n: get('n') ?? String(c.shape.n),
      samples: get('samples') ?? String(c.samples),
      dtype: get('dtype') ?? c.dtype,
      ...(workers !== undefined ? { workers } : {}),
      ...(chunk !== undefined ? { chunk } : {}),
    };
  }

  /** Shapes the Run button will measure: every listed data set when "all" is chosen. */
  shapes(v: ValidRequest): Shape[] {
    if (this.dataset?.value === 'all' && this.config.datasets) return this.config.datasets.map((d) => datasets[d].shape);
    return [v.shape];
  }

  /**
   * Checks the fields (each listed data set too, when "all" is chosen: the big one
   * may not fit every variant) and draws the verdict; `kindErrors` are the kind's
   * own messages, its fields already marked. `note` is said when all is well.
   */
  validate(options: ValidateOptions, kindErrors: readonly string[], note: string | null): Validation {
    const raw = this.read();
    let v = validateFields(raw, options);
    if (v.ok && this.dataset?.value === 'all') {
      for (const shape of this.shapes(v.value)) {
        const each = validateFields({ ...raw, m: String(shape.m), l: String(shape.l), n: String(shape.n) }, options);
        if (!each.ok) {
          v = each;
          break;
        }
      }
    }
    for (const [field, input] of this.inputs) {
      if (!v.ok && v.errors[field] !== undefined) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (v.ok && kindErrors.length > 0) v = { ok: false, errors: {} };
    if (v.ok) {
      this.alert.replaceChildren();
      if (note) this.alert.textContent = note;
      return v;
    }
    const errors = v.errors;
    const list = this.ctx.doc.createElement('ul');
    for (const m of new Set([...Object.values(errors), ...kindErrors])) {
      const li = this.ctx.doc.createElement('li');
      li.textContent = m ?? '';
      list.append(li);
    }
    this.alert.replaceChildren(list);
    const firstBad = [...this.inputs.entries()].find(([f]) => errors[f] !== undefined)?.[1];
    (firstBad ?? this.element.querySelector<HTMLElement>('[aria-invalid="true"]'))?.focus();
    return v;
  }
}
