import { describe, expect, it } from 'vitest';
import { highlightCode } from '../../src/deck/highlight.ts';
import { sources } from './sources-node.ts';

const unescape = (html: string): string =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('highlightCode', () => {
  it('keeps every character of the code, escaped', () => {
    for (const [file, text] of sources()) expect(unescape(highlightCode(text, file.endsWith('.wgsl') ? 'wgsl' : 'typescript')), file).toBe(text);
  });

  it('never lets markup through', () => {
    const html = highlightCode('const s = "<script>alert(1)</script>"; // <b>');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('marks comments, keywords, types, numbers and calls', () => {
    const html = highlightCode('for (let k = 0; k < l; k++) s += f(a[k]); // sum\nconst x: Float64Array = g<f32>(1.5e3);');
    expect(html).toContain('<span class="hl-keyword">for</span>');
    expect(html).toContain('<span class="hl-comment">// sum</span>');
    expect(html).toContain('<span class="hl-type">Float64Array</span>');
    expect(html).toContain('<span class="hl-number">1.5e3</span>');
    expect(html).toContain('<span class="hl-fn">f</span>');
  });

  it('knows WGSL words and attributes', () => {
    const html = highlightCode('@compute @workgroup_size(8, 8) fn main(@builtin(global_invocation_id) id: vec3u) { var acc: f32 = 0.0; }', 'wgsl');
    expect(html).toContain('<span class="hl-attr">@compute</span>');
    expect(html).toContain('<span class="hl-keyword">fn</span>');
    expect(html).toContain('<span class="hl-type">vec3u</span>');
  });
});
