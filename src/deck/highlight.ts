// Syntax colouring for the code on the slides: a small tokenizer for the three
// languages the deck shows (TypeScript, AssemblyScript, WGSL). Our own, because a
// general highlighter ships hundreds of KB for grammars we never show and injects
// <style> elements a strict CSP blocks; the colours live in deck.css.
// Pure: text in, escaped HTML out.
import { escapeHtml } from './escape.ts';

export type CodeLang = 'typescript' | 'wgsl';

const TS_KEYWORDS = new Set(
  'as async await break case catch class const continue default do else export extends false finally for from function if import in instanceof interface let new null of readonly return satisfies static switch this throw true try type typeof undefined var void while yield'.split(' '),
);
const TS_TYPES = new Set(
  'number string boolean bigint unknown never any void Float32Array Float64Array Int32Array Uint8Array ArrayLike Promise Record SharedArrayBuffer ArrayBuffer usize isize i32 i64 u32 u64 u8 f32 f64 v128 f32x4 f64x2 i32x4 bool'.split(' '),
);
const WGSL_KEYWORDS = new Set(
  'alias break case const const_assert continue continuing default diagnostic discard else enable false fn for if let loop override return struct switch true var while workgroupBarrier storageBarrier'.split(' '),
);
const WGSL_TYPES = new Set(
  'f32 f16 i32 u32 bool vec2 vec3 vec4 vec2f vec3f vec4f vec2u vec3u vec4u mat2x2 mat4x4 array atomic ptr storage uniform workgroup read read_write function private'.split(' '),
);

/** One token rule: the first that matches at the cursor wins. */
const RULES: readonly { readonly cls: string | null; readonly re: RegExp }[] = [
  { cls: 'hl-comment', re: /\/\/[^\n]*|\/\*[\s\S]*?\*\// },
  { cls: 'hl-string', re: /'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\[\s\S]|[^`\\])*`/ },
  { cls: 'hl-number', re: /\b(?:0[xX][\da-fA-F_]+|0[bB][01_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)[a-zA-Z]*\b/ },
  { cls: 'hl-attr', re: /@[A-Za-z_]\w*/ },
  { cls: 'word', re: /[A-Za-z_$][\w$]*/ },
  { cls: null, re: /\s+|[^\sA-Za-z_$\d'"`/@]+|\// },
];

const STICKY = RULES.map(({ cls, re }) => ({ cls, re: new RegExp(re.source, 'y') }));

function wordClass(word: string, next: string, lang: CodeLang): string | null {
  const keywords = lang === 'wgsl' ? WGSL_KEYWORDS : TS_KEYWORDS;
  const types = lang === 'wgsl' ? WGSL_TYPES : TS_TYPES;
  if (keywords.has(word)) return 'hl-keyword';
  if (types.has(word) || /^[A-Z]/.test(word)) return 'hl-type';
  if (next === '(' || next === '<') return 'hl-fn';
  return null;
}

/** The code as HTML: every character escaped, tokens wrapped in <span class="hl-…">. */
export function highlightCode(code: string, lang: CodeLang = 'typescript'): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    let matched = false;
    for (const { cls, re } of STICKY) {
      re.lastIndex = i;
      const m = re.exec(code);
      if (!m || m[0] === '') continue;
      const text = m[0];
      const next = code.slice(i + text.length).match(/^\s*(.)/)?.[1] ?? '';
      const c = cls === 'word' ? wordClass(text, next, lang) : cls;
      out += c ? `<span class="${c}">${escapeHtml(text)}</span>` : escapeHtml(text);
      i += text.length;
      matched = true;
      break;
    }
    if (!matched) {
      out += escapeHtml(code[i] ?? '');
      i++;
    }
  }
  return out;
}
