// The variant ids slides may name: the id lists that give their type agree with
// the registries, a misspelt id on a slide is a type error (the @ts-expect-error
// lines below fail `tsc` if it ever stops being one), and a declaration still
// renders the comma-separated attribute the panel reads.
import { describe, expect, it } from 'vitest';
import { serialVariantIds, serialVariants } from '../../src/kernels/registry.ts';
import { parallelVariantIds, parallelVariants } from '../../src/parallel/variants.ts';
import { gpuVariantIds, gpuVariants } from '../../src/gpu/variants.ts';
import { gpuVariantInfos } from '../../src/gpu/meta.ts';
import { benchPanelHtml } from '../../src/deck/model.ts';
import type { BenchPanelDeclaration, VariantId } from '../../src/deck/slide.ts';

describe('variant id lists', () => {
  it('name every variant of each registry, in its order', () => {
    expect(serialVariants.map((v) => v.id)).toEqual(serialVariantIds);
    expect(parallelVariants.map((v) => v.id)).toEqual(parallelVariantIds);
    expect(gpuVariants.map((v) => v.id)).toEqual(gpuVariantIds);
    expect(gpuVariantInfos.map((v) => v.id)).toEqual(gpuVariantIds); // what --list and the runner see without a device
  });

  it('never give two variants one id', () => {
    const all: readonly VariantId[] = [...serialVariantIds, ...parallelVariantIds, ...gpuVariantIds];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('bench declarations', () => {
  it('refuse an id that is not in a registry, at compile time', () => {
    // @ts-expect-error 'wasm-simdd' is not a variant id
    const typo: BenchPanelDeclaration = { id: 'typo', variants: ['naive', 'wasm-simdd'] };
    // @ts-expect-error the list is an array of ids, not a comma-separated string
    const text: BenchPanelDeclaration = { id: 'text', variants: 'naive,wasm-simd' };
    // Written anyway, they reach the page as they were typed: only the type check stands in the way.
    expect(benchPanelHtml(typo)).toContain('variants="naive,wasm-simdd"');
    expect(benchPanelHtml(text)).toContain('variants="naive,wasm-simd"');
  });

  it('render the list as the comma-separated attribute, the other attributes as they are', () => {
    const html = benchPanelHtml({ id: 'simd', variants: ['wasm-scalar', 'wasm-simd'], dtype: 'f32', samples: '10' });
    expect(html).toBe('<bench-panel id="bench-simd" variants="wasm-scalar,wasm-simd" dtype="f32" samples="10"></bench-panel>');
  });
});
