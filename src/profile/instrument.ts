// A line profiler for plain JavaScript/TypeScript functions, in the spirit of
// Python's line_profiler: hits and time per source line.
//
// Method. The kernel's own source text (the region shown on the slide) is
// rewritten so that every statement line starts with a probe, and every `for`
// condition evaluates one, so loop headers count their tests as line_profiler
// does (iterations + 1). A probe reads the clock, charges the time since the
// previous probe *of the same call* to the previous line, then reads the clock
// again; the bookkeeping between the two reads is charged to nobody. Because
// each function keeps its own "current line", a line that calls another
// instrumented function is charged the whole call (inclusive time, like
// line_profiler), while the callee's lines show where that time went inside.
// A try/finally charges the last line when the function returns.
//
// Clock. performance.now() is coarse (5 µs isolated, 100 µs otherwise) and a
// line takes nanoseconds, so nearly every delta reads 0 or one tick. That is
// still unbiased on average: if a line lasts d < tick and starts at a random
// phase of the tick, the delta reads one tick with probability d/tick, so its
// expectation is d. Over millions of hits the per-line sums converge (browsers
// also jitter the coarsened clock, which keeps the phase random).
//
// Overhead. Each probe costs two clock reads and some arithmetic, far more than
// the multiply-add it measures: the instrumented kernel runs many times slower
// than the real one, and part of each read lands on the lines around it. The
// panel therefore shows the uninstrumented time beside the profile and
// calibrates the cost charged per hit (`calibrateProbe`). Proportions between
// lines are the useful output, exactly as with line_profiler.
//
// Pure: the clock is injected; nothing here touches the DOM or a worker.

export interface SourceLine {
  /** 1-based line number in the original file. */
  readonly line: number;
  readonly text: string;
  /** Index into the hit/time counters, or -1 for lines without a probe. */
  readonly probe: number;
  /** Index of the enclosing function in functionNames, or -1 outside any. */
  readonly fn: number;
}

export interface Instrumented {
  /** JavaScript that, run by `new Function(...PROBE_PARAMS, ...globals, code)`, returns the functions. */
  readonly code: string;
  readonly lines: readonly SourceLine[];
  readonly probeCount: number;
  readonly functionNames: readonly string[];
}

/** Names the generated code uses for its clock and counters. */
export const PROBE_PARAMS = ['__now', '__H', '__T'] as const;

/** Text between `// #region name` and `// #endregion name`, with the file line of its first line. */
export function extractRegion(fileText: string, name: string): { text: string; firstLine: number } {
  const lines = fileText.split(/\r?\n/);
  const start = lines.findIndex((s) => s.trim() === `// #region ${name}`);
  if (start < 0) throw new Error(`region "${name}" not found`);
  const end = lines.findIndex((s, i) => i > start && s.trim() === `// #endregion ${name}`);
  if (end < 0) throw new Error(`region "${name}" is not closed`);
  return { text: lines.slice(start + 1, end).join('\n'), firstLine: start + 2 };
}

/** Index of the bracket matching the one at `open`, skipping strings. */
function matching(s: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']', '<': '>' };
  const close = pairs[s[open]!]!;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < s.length && s[i] !== q; i++) if (s[i] === '\\') i++;
      continue;
    }
    if (c === s[open]) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

/** Split at separators not nested in brackets (angle brackets too, for type arguments). */
function splitTopLevel(s: string, sep: string, angles = false): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const opens = angles ? '([{<' : '([{';
  const closes = angles ? ')]}>' : ')]}';
  for (const c of s) {
    if (opens.includes(c)) depth++;
    else if (closes.includes(c)) depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** `{ m, l, n }: Shape` → `{ m, l, n }`; `A: FloatArray` → `A`; `x = 1` kept. */
function stripParam(p: string): string {
  const t = p.trim();
  if (t === '') return t;
  let head = t;
  if (t.startsWith('{') || t.startsWith('[')) {
    const end = matching(t, 0);
    head = t.slice(0, end + 1);
    const rest = t.slice(end + 1);
    const eq = rest.indexOf('=');
    return eq >= 0 ? `${head} ${rest.slice(eq)}` : head;
  }
  const m = /^(\.\.\.)?([A-Za-z_$][\w$]*)\??\s*(?::[^=]*)?(=.*)?$/s.exec(t);
  return m ? `${m[1] ?? ''}${m[2]}${m[3] ? ' ' + m[3] : ''}` : t;
}

/**
 * Remove the TypeScript a kernel region uses, keeping every line where it was:
 * `export`, parameter and return annotations, annotated declarations, `as T`,
 * non-null `!`. Deliberately small: kernels are plain loops over typed arrays.
 * Anything it misses makes `new Function` throw, and the caller falls back.
 */
export function stripTypes(source: string): string {
  let s = source.replace(/^(\s*)export\s+(?=function|const|let)/gm, '$1');
  // Function signatures: rewrite the parameter list and drop the return type.
  const sig = /function\s+[A-Za-z_$][\w$]*\s*(<[^>]*>)?\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = sig.exec(s)) !== null) {
    const open = m.index + m[0].length - 1;
    const close = matching(s, open);
    if (close < 0) break;
    const params = splitTopLevel(s.slice(open + 1, close), ',', true).map(stripParam).join(', ');
    const bodyOpen = s.indexOf('{', close);
    const before = s.slice(0, m.index) + m[0].replace(/<[^>]*>/, '').slice(0, -1) + '(' + params + ')';
    s = before + ' ' + s.slice(bodyOpen);
    sig.lastIndex = before.length;
  }
  return s
    .replace(/\b(let|const|var)\s+([A-Za-z_$][\w$]*)\s*:\s*[^=;\n]+(?=[=;])/g, '$1 $2 ')
    .replace(/\s+as\s+[A-Za-z_$][\w$.<>[\]| ]*?(?=[;,)\]\s])/g, '')
    .replace(/([\w)\]])!(?=[.;,)\]\s[])/g, '$1');
}

function probe(k: number): string {
  // Charge the running line, switch to line k, restart the clock after the bookkeeping.
  return `(__n = __now(), __c >= 0 && (__T[__c] += __n - __l), __c = ${k}, __H[${k}]++, __l = __now())`;
}

const STATEMENT_START = /^(?![}\])]|else\b|catch\b|finally\b|\.|\?|:|&&|\|\||\+|-|\*|\/(?![/*])|case\b|default\b)/;

/**
 * Rewrite a region (TypeScript or JavaScript) into instrumented JavaScript.
 * Lines inside function bodies that start a statement get a probe; `for`
 * headers get one in their condition; comments and braces get none.
 */
export function instrument(regionText: string, firstLine = 1): Instrumented {
  const js = stripTypes(regionText);
  const src = js.split('\n');
  const original = regionText.split('\n');
  const out: string[] = [];
  const lines: SourceLine[] = [];
  const functionNames: string[] = [];
  let probes = 0;
  let depth = 0;
  /** Brace depth at which each open instrumented function's body started. */
  const fnDepths: number[] = [];
  let prevEndsStatement = true;
  for (let i = 0; i < src.length; i++) {
    let text = src[i]!;
    const trimmed = text.trim();
    const code = trimmed.replace(/\/\/.*$/, '').trim();
    let probeIndex = -1;
    const insideFn = fnDepths.length > 0;
    const fn = /^(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\(.*\{\s*$/.exec(code);
    if (insideFn && code !== '' && !code.startsWith('/*') && !code.startsWith('*') && prevEndsStatement && STATEMENT_START.test(code)) {
      probeIndex = probes++;
      const forHead = /^(\s*for\s*\()(.*)$/.exec(text);
      const parts = forHead ? splitTopLevel(forHead[2]!, ';') : [];
      if (forHead && parts.length === 3) {
        // for (init; cond; update) → for (init; probe, cond; update): one hit per test.
        const cond = parts[1]!.trim();
        text = `${forHead[1]}${parts[0]}; (${probe(probeIndex)}, ${cond === '' ? 'true' : cond});${parts[2]}`;
      } else {
        const indent = /^\s*/.exec(text)![0];
        text = `${indent}${probe(probeIndex)}; ${text.trimStart()}`;
      }
    }
    const opens = (code.match(/\{/g) ?? []).length;
    const closes = (code.match(/\}/g) ?? []).length;
    if (fn && !insideFn) {
      functionNames.push(fn[1]!);
      fnDepths.push(depth + 1);
      text = `${text} let __c = -1, __l = 0, __n = 0; try {`;
    } else if (insideFn && closes > opens && depth - (closes - opens) < fnDepths[fnDepths.length - 1]!) {
      // The function's closing brace: charge the last line on every way out.
      text = `} finally { if (__c >= 0) __T[__c] += __now() - __l; } ${text}`;
      fnDepths.pop();
    }
    depth += opens - closes;
    // A line ending in an operator or comma continues an expression: no probe on the next one.
    if (code !== '' && !code.startsWith('//')) prevEndsStatement = /[;{})]$/.test(code);
    out.push(text);
    lines.push({ line: firstLine + i, text: original[i] ?? '', probe: probeIndex, fn: insideFn || fn ? functionNames.length - 1 : -1 });
  }
  const code = `${out.join('\n')}\nreturn { ${functionNames.join(', ')} };`;
  return { code, lines, probeCount: probes, functionNames };
}

export interface ProfiledModule {
  readonly functions: Record<string, (...args: never[]) => unknown>;
  readonly hits: Float64Array;
  readonly time: Float64Array;
}

/**
 * Compile instrumented code from a string, with an injected clock and extra globals.
 * For Node (tests and the build-time check) only: the page and its workers load the
 * instrumented kernels as modules made at build time (src/build/profile-plugin.ts),
 * because a strict CSP forbids compiling strings there.
 */
export function compile(inst: Instrumented, now: () => number, globals: Record<string, unknown> = {}): ProfiledModule {
  const hits = new Float64Array(inst.probeCount);
  const time = new Float64Array(inst.probeCount);
  const names = Object.keys(globals);
  const factory = new Function(...PROBE_PARAMS, ...names, inst.code) as (...a: unknown[]) => Record<string, (...args: never[]) => unknown>;
  const functions = factory(now, hits, time, ...names.map((k) => globals[k]));
  return { functions, hits, time };
}

/** One row of the table: Line, Hits, Time, Per hit, % Time, source. */
export interface ProfileRow {
  readonly line: number;
  readonly hits: number | null;
  readonly timeMs: number | null;
  readonly perHitNs: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/**
 * Table rows from the counters. As in line_profiler, each function is its own
 * table: % Time is a line's share of its function's total. (A calling line is
 * inclusive, so summing across functions would count the callee twice.)
 */
export function profileRows(inst: Pick<Instrumented, 'lines' | 'functionNames'>, hits: ArrayLike<number>, time: ArrayLike<number>): ProfileRow[] {
  const totals = inst.functionNames.map(() => 0);
  for (const l of inst.lines) if (l.probe >= 0 && l.fn >= 0) totals[l.fn]! += time[l.probe]!;
  return inst.lines.map((l) => {
    const total = l.fn >= 0 ? totals[l.fn]! : 0;
    if (l.probe < 0) return { line: l.line, hits: null, timeMs: null, perHitNs: null, percent: null, source: l.text };
    const h = hits[l.probe]!;
    const t = time[l.probe]!;
    return {
      line: l.line,
      hits: h,
      timeMs: t,
      perHitNs: h > 0 ? (t / h) * 1e6 : null,
      percent: total > 0 ? (100 * t) / total : null,
      source: l.text,
    };
  });
}
