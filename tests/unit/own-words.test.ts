// The deck ports the notebook, it does not copy it: no slide body or speaker note
// may share a run of six or more consecutive words with it
// (tests/fixtures/notebook.txt, the notebook's text export). Logic: ./own-words.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_RUNS,
  describeRun,
  maskHtmlProse,
  notebookGrams,
  RUN_LENGTH,
  sharedRuns,
  slideSegments,
  templateCount,
  words,
} from './own-words.ts';

const root = join(import.meta.dirname, '..', '..');
const notebook = readFileSync(join(root, 'tests/fixtures/notebook.txt'), 'utf8');
const grams = notebookGrams(notebook);
const slideFiles = readdirSync(join(root, 'slides'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join('slides', f));
const sources = new Map(slideFiles.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

/** A slide module holding `body` and `notes` as the real ones do. */
const fakeModule = (body: string, notes = '<p>Nothing to see.</p>') =>
  `import { html } from '../src/deck/slide.ts';\nexport const s = [{\n  ids: [0],\n  body: html\`${body}\`,\n  notes: html\`${notes}\`,\n}];\n`;

const textOf = (html: string) => words(maskHtmlProse(html)).map((w) => w.text).join(' ');

describe('extracting prose', () => {
  it('drops tags, entities, math, code and ${…} expressions, keeps the words', () => {
    expect(textOf('<li class="fragment">A <strong>row</strong> of $A_{(m\\times l)}$ is&nbsp;read</li>')).toBe('a row of is read');
    expect(textOf('<p>before $$\\sum_k a_{ik}$$ after <code>A[i*l + k]</code> end</p>')).toBe('before after end');
    expect(textOf("V8's <em>don’t</em> 'quoted' 5 µs")).toBe("v8's don't quoted 5 µs");
    const src = fakeModule('<p>one ${code(\'naive\', `src/${"x"}.ts`)} two ${strip(names(\'row\'), (k) => `r${k % 3}`)} three</p>');
    expect(slideSegments(src).map((s) => s.words.map((w) => w.text).join(' '))).toEqual(['one two three', 'nothing to see']);
  });

  it('finds every template of every slide module, and plenty of prose in them', () => {
    let total = 0;
    for (const [file, src] of sources) {
      const segments = slideSegments(src);
      expect(segments.length, file).toBe(templateCount(src));
      total += segments.reduce((n, s) => n + s.words.length, 0);
    }
    // Bodies and notes of about sixty slides: a broken scanner would find far fewer words.
    expect(total).toBeGreaterThan(5000);
    expect(grams.size).toBeGreaterThan(3000);
  });
});

describe('the check catches copied text (self-test)', () => {
  it('detects a notebook sentence planted in a slide body, with its file, line and words', () => {
    const src = fakeModule(
      '\n      <ul>\n        <li>Threads are cheap, and</li>\n        <li>each process handles privately its own memory and resources, says the OS</li>\n      </ul>',
    );
    const runs = sharedRuns('slides/planted.ts', src, grams);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.words).toBe('each process handles privately its own memory and resources');
    expect(runs[0]!.line).toBe(7);
    expect(runs[0]!.snippet).toContain('each process handles privately');
    expect(describeRun(runs[0]!)).toMatch(/^slides\/planted\.ts:7 \(9 words\)/);
  });

  it('detects it in speaker notes too, through tags, math and changed case', () => {
    const notes = '<p>Remember: <strong>It is easy</strong> to loose track of time and waste precious development work $x$ optimising small details.</p>';
    const runs = sharedRuns('slides/planted.ts', fakeModule('<p>Fine.</p>', notes), grams);
    expect(runs.map((r) => r.words)).toEqual(['it is easy to loose track of time and waste precious development work optimising small details']);
  });

  it('reports each planted passage once, as a maximal run', () => {
    const body = '<p>Each child process de-serialises the received function to execute and applies it on the data.</p><p>Then, unrelated, the GIL solves exactly the kind of issue we want.</p><p>Use the same data across different runs.</p>';
    const runs = sharedRuns('slides/planted.ts', fakeModule(body), grams);
    // The first sentence entire (16 words); the second shares only five, in another order; the third is a notebook comment.
    expect(runs.map((r) => r.length)).toEqual([16, 7]);
  });

  it('lets five shared words pass: the threshold is six', () => {
    // "the number of parallel workers" is five words of the notebook's wrap-up.
    expect(RUN_LENGTH).toBe(6);
    expect(sharedRuns('x', fakeModule('<p>Raise the number of parallel workers slowly.</p>'), grams)).toEqual([]);
    expect(sharedRuns('x', fakeModule('<p>Augment the number of parallel workers.</p>'), grams)).toHaveLength(1);
  });

  it('the allow-list only excuses the exact phrases it names', () => {
    const src = fakeModule('<p>We use shared memory vs messages in the demo.</p>');
    const six = new Set(['shared memory vs messages in the']);
    expect(sharedRuns('x', src, six, { allowList: [] })).toHaveLength(1);
    expect(sharedRuns('x', src, six, { allowList: ['shared memory vs messages in the'] })).toHaveLength(0);
    expect(sharedRuns('x', src, six, { allowList: ['shared memory vs'] })).toHaveLength(1);
    // The real list stays tiny.
    expect(ALLOWED_RUNS.length).toBeLessThanOrEqual(3);
  });
});

describe('slides/*.ts in their own words', () => {
  it('share no run of six or more words with the notebook', () => {
    const runs = [...sources].flatMap(([file, src]) => sharedRuns(file, src, grams));
    expect(runs.map(describeRun)).toEqual([]);
  });
});
