import { describe, expect, it } from 'vitest';
import { codeBlockHtml, dedent, escapeHtml, extractRegion, regionNames } from '../../src/deck/code-region.ts';

const source = [
  "import { x } from './x.ts';",
  '',
  '// #region naive',
  'export function naive(a: number[]): number {',
  '  let s = 0;',
  '  // #region inner',
  '  for (const v of a) s += v;',
  '  // #endregion inner',
  '  return s;',
  '}',
  '// #endregion naive',
  '',
  'class K {',
  '    // #region method',
  '    run(): void {',
  '      go();',
  '    }',
  '    // #endregion',
  '}',
  '// #region open-only',
  'const dangling = 1;',
].join('\n');

describe('extractRegion()', () => {
  it('returns the lines between the named markers without nested markers', () => {
    expect(extractRegion(source, 'naive')).toBe(
      ['export function naive(a: number[]): number {', '  let s = 0;', '  for (const v of a) s += v;', '  return s;', '}'].join('\n'),
    );
  });
  it('cuts a nested region on its own', () => {
    expect(extractRegion(source, 'inner')).toBe('for (const v of a) s += v;');
  });
  it('strips the common indentation and accepts an anonymous #endregion', () => {
    expect(extractRegion(source, 'method')).toBe('run(): void {\n  go();\n}');
  });
  it('returns null for a missing or unclosed region', () => {
    expect(extractRegion(source, 'nope')).toBeNull();
    expect(extractRegion(source, 'open-only')).toBeNull();
  });
  it('does not match a region whose name only starts with the wanted one', () => {
    expect(extractRegion('// #region naive-plain\na\n// #endregion naive-plain', 'naive')).toBeNull();
    expect(extractRegion('// #region naive-plain\na\n// #endregion naive-plain', 'naive-plain')).toBe('a');
  });
  it('handles CRLF sources', () => {
    expect(extractRegion('// #region r\r\n  x = 1;\r\n// #endregion r\r\n', 'r')).toBe('x = 1;');
  });
});

describe('regionNames()', () => {
  it('lists regions in order', () => {
    expect(regionNames(source)).toEqual(['naive', 'inner', 'method', 'open-only']);
  });
});

describe('dedent()', () => {
  it('trims blank edges and common indent, keeps relative indent', () => {
    expect(dedent(['', '    a', '      b', '', '    c  ', ''])).toBe('a\n  b\n\nc');
  });
});

describe('codeBlockHtml()', () => {
  it('escapes the code and names file and region', () => {
    const html = codeBlockHtml({ source: '// #region r\nif (a < b && c > d) {}\n// #endregion r', file: 'src/k.ts', region: 'r' });
    expect(html).toContain('<code class="language-typescript hl" tabindex="0" aria-label="Code: src/k.ts · r">');
    // The text inside the coloured spans is the escaped code, in order.
    const code = /<code[^>]*>([\s\S]*)<\/code>/.exec(html)![1]!.replace(/<\/?span[^>]*>/g, '');
    expect(code).toBe('if (a &lt; b &amp;&amp; c &gt; d) {}');
    expect(html).toContain('data-region="r"');
    expect(html).toContain('src/k.ts · r');
  });
  it('renders a visible error box for a missing region', () => {
    const html = codeBlockHtml({ source: 'const a = 1;', file: 'src/k.ts', region: 'gone' });
    expect(html).toBe('<div class="region-error" role="alert">source region gone not found in src/k.ts</div>');
  });
  it('shows the whole module when no region is asked for', () => {
    const html = codeBlockHtml({ source: '\nconst a = 1;\n', file: 'f.ts' });
    expect(/<code[^>]*>([\s\S]*)<\/code>/.exec(html)![1]!.replace(/<\/?span[^>]*>/g, '')).toBe('const a = 1;');
  });
  it('escapeHtml escapes quotes too', () => {
    expect(escapeHtml('"<&>"')).toBe('&quot;&lt;&amp;&gt;&quot;');
  });
});

describe('the build-time region index', () => {
  it('holds every region of the shown folders, cut and coloured, and the slides find theirs', async () => {
    const { regionIndex, shippedIndex, shownRegionNames } = await import('../../src/build/code-regions-plugin.ts');
    const root = new URL('../..', import.meta.url).pathname;
    const { index } = regionIndex(root);
    const naive = index['src/kernels/naive.ts']?.naive;
    expect(naive?.text).toMatch(/export function matMul/);
    expect(naive?.html).toContain('<span class="hl-keyword">export</span>');
    expect(Object.keys(index).length).toBeGreaterThan(10);
    // The page gets the coloured HTML of the regions the slides name, and nothing else.
    const names = shownRegionNames(root);
    expect(names).toContain('naive');
    expect(names).toContain('webgpu-tiled');
    const shipped = shippedIndex(index, names);
    expect(shipped['src/kernels/naive.ts']?.naive).toBe(naive?.html);
    expect(Object.values(shipped).flatMap((r) => Object.keys(r)).every((n) => names.has(n))).toBe(true);
    expect(index['src/kernels/naive.ts']?.['naive-plain']).toBeDefined();
    const { code } = await import('../../src/deck/sources.ts');
    expect(code('naive', 'src/kernels/naive.ts')).toContain(naive!.html);
    expect(code('no-such-region', 'src/kernels/naive.ts')).toContain('region-error');
  });
});
