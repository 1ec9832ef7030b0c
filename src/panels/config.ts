// What a <bench-panel> declaration asks for, read from its attributes.
// Pure: attribute lookup in, a complete configuration with defaults out, so
// slide authors write only what differs from the notebook's data sets.
import type { Dtype, Shape } from '../kernels/types.ts';
import { isParallelVariant } from '../parallel/variants.ts';
import { datasets as DATASETS, type DatasetId } from '../data/generate.ts';

export type PanelKind = 'matmul' | 'speedup' | 'messages' | 'race' | 'profile' | 'jit' | 'freeze' | 'summary' | 'gpu-sweep';

export const PANEL_KINDS: readonly PanelKind[] = ['matmul', 'speedup', 'messages', 'race', 'profile', 'jit', 'freeze', 'summary', 'gpu-sweep'];

/** What a kind fixes whatever its declaration says: GPU sweeps are float32 (WGSL has no float64); a speedup always has a worker count. */
const KIND_TRAITS: Readonly<Partial<Record<PanelKind, { readonly dtype?: Dtype; readonly workers?: true }>>> = {
  'gpu-sweep': { dtype: 'f32' },
  speedup: { workers: true },
};

/** The notebook's data sets (2.1 and 4.2): the panel names them as the data module does. */
export type DatasetName = DatasetId;

export function isDatasetName(text: string): text is DatasetName {
  return Object.hasOwn(DATASETS, text);
}

export interface PanelConfig {
  readonly id: string;
  readonly kind: PanelKind;
  readonly variants: readonly string[];
  readonly dataset: DatasetName | null;
  readonly shape: Shape;
  readonly dtype: Dtype;
  readonly samples: number;
  /** Worker count for parallel variants; null hides the input. */
  readonly workers: number | null;
  /**
   * Elements per message for the per-element parallel variants (4.1's chunk
   * size); 'auto' = one chunk per worker (an empty input); null hides the input.
   */
  readonly chunk: number | 'auto' | null;
  readonly title: string | null;
  /** datasets="lowL,highL": a data-set chooser with these, plus "all of them". */
  readonly datasets: readonly DatasetName[] | null;
  /** dtypes="f64,f32": run every variant in each type (3.2.1); the type input is then hidden. */
  readonly dtypes: readonly Dtype[] | null;
  /** Serial variant the speedup is measured against (kind=speedup). */
  readonly reference: string;
  /** sizes="64,128,…": square sizes of a sweep (kind=gpu-sweep), as written; the kind validates them. */
  readonly sizes: string | null;
}

/** Default variants per kind, when the declaration names none. */
const DEFAULT_VARIANTS: Readonly<Record<PanelKind, readonly string[]>> = {
  matmul: ['naive', 'element-vectorised'],
  speedup: ['pool-row'],
  messages: [],
  race: [],
  profile: ['naive'],
  jit: ['naive', 'element-vectorised', 'wasm-whole'],
  freeze: ['naive'],
  summary: [],
  // The deck's best CPU kernel against both GPU kernels; a slide may name another CPU kernel.
  'gpu-sweep': ['wasm-simd', 'webgpu-naive', 'webgpu-tiled'],
};

export { isParallelVariant };

/** The variants whose tasks are single elements sent in chunks: the only ones a chunk size changes. */
export const CHUNKED_VARIANTS: readonly string[] = ['pool-element', 'shared-element'];

export function isChunkedVariant(id: string): boolean {
  return CHUNKED_VARIANTS.includes(id);
}

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const v = Number(text.trim());
  return v > 0 ? v : null;
}

/** A stable id for storage when the author gave none: kind, variants and data set. */
export function derivedId(kind: PanelKind, variants: readonly string[], dataset: string | null): string {
  return [kind, variants.join('+') || 'all', dataset ?? 'custom'].join('.');
}

/**
 * Read the declaration. Unknown kinds fall back to matmul and bad numbers to
 * the data set's values: a typo in a slide must still give a working panel.
 */
export function readConfig(attr: (name: string) => string | null): PanelConfig {
  const kindText = (attr('kind') ?? 'matmul').trim() as PanelKind;
  const kind: PanelKind = PANEL_KINDS.includes(kindText) ? kindText : 'matmul';
  const variantsText = attr('variants');
  const variants = variantsText
    ? variantsText.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
    : [...DEFAULT_VARIANTS[kind]];
  const datasetText = attr('dataset') ?? attr('datasets')?.split(',')[0]?.trim() ?? null;
  const dataset: DatasetName | null = datasetText && isDatasetName(datasetText) ? datasetText : datasetText ? null : 'lowL';
  const base = DATASETS[dataset ?? 'lowL'];
  const shape: Shape = {
    m: positiveInt(attr('m')) ?? base.shape.m,
    l: positiveInt(attr('l')) ?? base.shape.l,
    n: positiveInt(attr('n')) ?? base.shape.n,
  };
  const dtypeText = attr('dtype');
  const traits = KIND_TRAITS[kind] ?? {};
  const dtype: Dtype = traits.dtype ?? (dtypeText === 'f32' || dtypeText === 'f64' ? dtypeText : base.dtype);
  const wantsWorkers = traits.workers === true || variants.some(isParallelVariant) || attr('workers') !== null;
  const workers = wantsWorkers ? (positiveInt(attr('workers')) ?? 2) : null;
  const chunkText = attr('chunk');
  const wantsChunk = variants.some(isChunkedVariant) || chunkText !== null;
  // chunk="" (or a typo) is auto, like the notebook's one chunk per worker.
  const chunk = wantsChunk ? (positiveInt(chunkText) ?? 'auto') : null;
  const samples = positiveInt(attr('samples')) ?? 10;
  const dtypesText = attr('dtypes');
  const dtypeList = dtypesText ? dtypesText.split(',').map((s) => s.trim()).filter((s): s is Dtype => s === 'f64' || s === 'f32') : [];
  const dtypes = dtypeList.length > 0 ? [...new Set(dtypeList)] : null;
  const datasetsText = attr('datasets');
  const datasetList = datasetsText
    ? datasetsText.split(',').map((s) => s.trim()).filter(isDatasetName)
    : [];
  const datasets = datasetList.length > 0 ? [...new Set(datasetList)] : null;
  const id = attr('id') || attr('data-bench') || derivedId(kind, variants, dataset);
  return { id, kind, variants, dataset, shape, dtype, samples, workers, chunk, title: attr('title'), dtypes, datasets, reference: attr('reference') ?? 'naive', sizes: attr('sizes') };
}
