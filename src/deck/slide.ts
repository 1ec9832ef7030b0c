// What a slide module exports: where the slide sits in the TOC tree and what it
// says. Headings are never written here; they come from the tree.
import type { SerialVariantId } from '../kernels/registry.ts';
import type { GpuVariantId } from '../gpu/variants.ts';
import type { ParallelVariantId } from '../parallel/variants.ts';

/** Every id a panel may run: the union of the three registries' id lists. */
export type VariantId = SerialVariantId | ParallelVariantId | GpuVariantId;

/**
 * A `<bench-panel>` declaration: `id` names it (and its stored results); the rest
 * are its attributes. `variants` is a list of ids, so a misspelt one is a type
 * error; it is rendered as the comma-separated attribute the panel reads.
 */
export interface BenchPanelDeclaration {
  readonly id: string;
  readonly variants?: readonly VariantId[];
  readonly [attribute: string]: string | readonly VariantId[] | undefined;
}

export interface SlideSpec {
  /** Path into the TOC tree (0-based); [] adds to the title slide. */
  readonly ids: readonly number[];
  /** Slide body as HTML; `$…$` and `$$…$$` are typeset by KaTeX. */
  readonly body: string;
  /** Speaker notes (HTML): what to say, what to demo. */
  readonly notes: string;
  /**
   * The live benchmark panel beside the text, declared here with the slide:
   * rendered as `<bench-panel id="bench-ID" …attributes>` (see src/panels/config.ts
   * for the attributes: kind, variants, dataset(s), dtype(s), m, l, n, samples, workers).
   */
  readonly bench?: BenchPanelDeclaration;
  /** Give the live panel the larger share of the slide (tables such as the line profile). */
  readonly benchWide?: boolean;
  /** Extra classes on the slide's <section>, e.g. 'dense' for smaller type. */
  readonly className?: string;
}

/** Template tag that keeps backslashes, so LaTeX can be written as-is inside slide HTML. */
export const html = String.raw;
