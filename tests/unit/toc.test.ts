import { describe, expect, it } from 'vitest';
import {
  allIds,
  display,
  displayMarkdown,
  heading,
  lectureToc,
  renamed,
  titleMarkdown,
  tocFrom,
} from '../../src/toc/tree.ts';

// The notebook's own tree (titles and tocLevel=1 as in its `__toc`), so the
// strings below can be the notebook's printed outputs, copied verbatim.
const notebookToc = tocFrom(
  'How to write parallel python code',
  [
    ['Toy problem', [['Matrix multiplication', []], ['Code example', []]]],
    ['Profiling', [['Test data (benchmark)', []], ['Driver program', []]]],
    ['Vectorisation', [['Array programming', [['Indexing', []], ['Broadcasting', []]]], ['SIMD', [['Data type', []], ['Memory layout', []]]]]],
    [
      'Parallel execution',
      [
        ['Multi-threading/processing', [['Concepts', []], ['The python situation', []]]],
        ['Data & Memory', [['Shared memory Vs messages', []], ['Concurrent access', []]]],
      ],
    ],
    ['Wrapping up', []],
  ],
  1,
);

describe('displayMarkdown() reproduces the notebook outputs', () => {
  it('display() shows the top level only', () => {
    expect(displayMarkdown(notebookToc)).toBe(
      '# How to write parallel python code\n---\n1. Toy problem\n2. Profiling\n3. Vectorisation\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(0) emphasises the section and expands its children', () => {
    expect(displayMarkdown(notebookToc, 0)).toBe(
      '# 1. Toy problem\n---\n1. __Toy problem__\n\t1. Matrix multiplication\n\t2. Code example\n2. Profiling\n3. Vectorisation\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(0, 1)', () => {
    expect(displayMarkdown(notebookToc, 0, 1)).toBe(
      '# 1.2. Code example\n---\n1. __Toy problem__\n\t1. Matrix multiplication\n\t2. __Code example__\n2. Profiling\n3. Vectorisation\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(1)', () => {
    expect(displayMarkdown(notebookToc, 1)).toBe(
      '# 2. Profiling\n---\n1. Toy problem\n2. __Profiling__\n\t1. Test data (benchmark)\n\t2. Driver program\n3. Vectorisation\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(2, 0) expands two levels on the current path only', () => {
    expect(displayMarkdown(notebookToc, 2, 0)).toBe(
      '# 3.1. Array programming\n---\n1. Toy problem\n2. Profiling\n3. __Vectorisation__\n\t1. __Array programming__\n\t\t1. Indexing\n\t\t2. Broadcasting\n\t2. SIMD\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(2, 1)', () => {
    expect(displayMarkdown(notebookToc, 2, 1)).toBe(
      '# 3.2. SIMD\n---\n1. Toy problem\n2. Profiling\n3. __Vectorisation__\n\t1. Array programming\n\t2. __SIMD__\n\t\t1. Data type\n\t\t2. Memory layout\n4. Parallel execution\n5. Wrapping up\n',
    );
  });
  it('display(3, 0)', () => {
    expect(displayMarkdown(notebookToc, 3, 0)).toBe(
      '# 4.1. Multi-threading/processing\n---\n1. Toy problem\n2. Profiling\n3. Vectorisation\n4. __Parallel execution__\n\t1. __Multi-threading/processing__\n\t\t1. Concepts\n\t\t2. The python situation\n\t2. Data & Memory\n5. Wrapping up\n',
    );
  });
  it('display(3, 1)', () => {
    expect(displayMarkdown(notebookToc, 3, 1)).toBe(
      '# 4.2. Data & Memory\n---\n1. Toy problem\n2. Profiling\n3. Vectorisation\n4. __Parallel execution__\n\t1. Multi-threading/processing\n\t2. __Data & Memory__\n\t\t1. Shared memory Vs messages\n\t\t2. Concurrent access\n5. Wrapping up\n',
    );
  });
  it('display(4): a leaf section has nothing to expand', () => {
    expect(displayMarkdown(notebookToc, 4)).toBe(
      '# 5. Wrapping up\n---\n1. Toy problem\n2. Profiling\n3. Vectorisation\n4. Parallel execution\n5. __Wrapping up__\n',
    );
  });
});

describe('titleMarkdown() reproduces the notebook headings', () => {
  it.each([
    [[0, 0], '# 1.1. Matrix multiplication'],
    [[0, 1], '# 1.2. Code example'],
    [[1, 0], '# 2.1. Test data (benchmark)'],
    [[1, 1], '# 2.2. Driver program'],
    [[2, 0, 0], '# 3.1.1. Indexing'],
    [[2, 0, 1], '# 3.1.2. Broadcasting'],
    [[2, 1, 1], '# 3.2.2. Memory layout'],
    [[2], '# 3. Vectorisation'],
    [[3, 1, 0], '# 4.2.1. Shared memory Vs messages'],
    [[4], '# 5. Wrapping up'],
    [[], '# How to write parallel python code'],
  ])('title(%j)', (ids, expected) => {
    expect(titleMarkdown(notebookToc, ...ids)).toBe(expected);
  });

  it('heading level is min(tocLevel, 1 + depth)', () => {
    const deep = { ...notebookToc, tocLevel: 3 };
    expect(titleMarkdown(deep)).toBe('# How to write parallel python code');
    expect(titleMarkdown(deep, 2)).toBe('## 3. Vectorisation');
    expect(titleMarkdown(deep, 2, 0)).toBe('### 3.1. Array programming');
    expect(titleMarkdown(deep, 2, 0, 1)).toBe('### 3.1.2. Broadcasting');
  });

  it('rejects ids that address no entry', () => {
    expect(() => titleMarkdown(notebookToc, 4, 0)).toThrow(/no TOC entry/);
    expect(() => titleMarkdown(notebookToc, 7)).toThrow(/no TOC entry/);
  });
});

describe('display() without ids expands down to tocLevel (the -1 trick)', () => {
  it('tocLevel 2 lists every section with its subsections, nothing emphasised', () => {
    const two = { ...notebookToc, tocLevel: 2 };
    const md = displayMarkdown(two);
    expect(md).toBe(
      '# How to write parallel python code\n---\n' +
        '1. Toy problem\n\t1. Matrix multiplication\n\t2. Code example\n' +
        '2. Profiling\n\t1. Test data (benchmark)\n\t2. Driver program\n' +
        '3. Vectorisation\n\t1. Array programming\n\t2. SIMD\n' +
        '4. Parallel execution\n\t1. Multi-threading/processing\n\t2. Data & Memory\n' +
        '5. Wrapping up\n',
    );
    expect(md).not.toContain('__');
  });
});

describe('structured view', () => {
  it('marks exactly the entries on the path as current and expands only them', () => {
    const view = display(lectureToc, 2, 0);
    expect(view.heading).toEqual({ level: 2, number: '3.1.', text: 'Array programming', label: '3.1. Array programming' });
    const current = view.items.filter((i) => i.current);
    expect(current.map((i) => i.title)).toEqual(['Vectorisation']);
    expect(view.items[0]!.children).toEqual([]);
    const sub = view.items[2]!.children;
    expect(sub.map((i) => [i.number, i.title, i.current])).toEqual([
      [1, 'Array programming', true],
      [2, 'SIMD', false],
    ]);
    expect(sub[0]!.children.map((i) => i.title)).toEqual(['Indexing', 'Broadcasting']);
    expect(sub[1]!.children).toEqual([]);
  });

  it('the lecture tree has the agreed titles and numbering', () => {
    expect(heading(lectureToc, []).text).toBe('How to write parallel code in the browser');
    expect(heading(lectureToc, [2, 0, 1]).label).toBe('3.1.2. Broadcasting');
    expect(heading(lectureToc, [3, 0, 1]).label).toBe('4.1.2. The JavaScript situation');
    expect(heading(lectureToc, [3, 1, 0]).label).toBe('4.2.1. Shared memory vs messages');
    expect(heading(lectureToc, [2, 1, 1]).label).toBe('3.2.2. GPU');
    expect(heading(lectureToc, [2, 1, 2]).label).toBe('3.2.3. Memory layout');
    expect(heading(lectureToc, [2, 1, 3]).label).toBe('3.2.4. Tuned kernel');
    expect(allIds(lectureToc)).toHaveLength(5 + 8 + 10);
  });
});

describe('renamed()', () => {
  it('changes the heading and every TOC view that shows the entry', () => {
    const toc = renamed(lectureToc, [2, 0, 1], 'Stretching arrays');
    expect(titleMarkdown(toc, 2, 0, 1)).toBe('## 3.1.2. Stretching arrays');
    expect(displayMarkdown(toc, 2, 0)).toContain('\t\t2. Stretching arrays\n');
    expect(displayMarkdown(lectureToc, 2, 0)).toContain('\t\t2. Broadcasting\n');
  });
});

// The deck model is pure, so "one tree drives every heading and TOC slide" is tested here.
import { deckHtml, deckModel, type DeckSlide } from '../../src/deck/model.ts';
import { lectureSlides } from '../../slides/index.ts';

describe('deckModel(): the tree drives the deck', () => {
  const stacks = deckModel(lectureToc, lectureSlides);
  const slides = stacks.flat();
  const tocIds = (s: DeckSlide) => (s.kind === 'toc' ? s.ids.join('.') : null);

  it('has a title stack and one stack per section, each opened by display(section)', () => {
    expect(stacks).toHaveLength(1 + lectureToc.entries.length);
    expect(stacks[0]![0]!.kind).toBe('title');
    stacks.slice(1).forEach((stack, s) => expect(tocIds(stack[0]!)).toBe(String(s)));
  });

  it('opens every subsection with display(section, sub), once, before its content', () => {
    const subs = allIds(lectureToc).filter((ids) => ids.length === 2);
    for (const ids of subs) {
      const at = slides.findIndex((s) => tocIds(s) === ids.join('.'));
      expect(at, `TOC slide for ${ids}`).toBeGreaterThan(0);
      expect(slides.filter((s) => tocIds(s) === ids.join('.'))).toHaveLength(1);
      const firstContent = slides.findIndex((s) => s.kind === 'content' && s.ids.slice(0, 2).join('.') === ids.join('.'));
      expect(firstContent).toBe(at + 1);
    }
  });

  it('gives every subsection, every leaf and notes to each of them at least one content slide', () => {
    // A top-level section with children is taught through its subsections.
    const taught = allIds(lectureToc).filter((ids) => ids.length > 1 || lectureToc.entries[ids[0]!]!.children.length === 0);
    expect(taught).toHaveLength(19);
    for (const ids of taught) {
      const content = slides.filter((s) => s.kind === 'content' && s.ids.join('.') === ids.join('.'));
      expect(content.length, `content for ${ids.join('.')}`).toBeGreaterThan(0);
      for (const s of content) if (s.kind === 'content') expect(s.spec.notes.length).toBeGreaterThan(20);
    }
  });

  it('renders numbered headings and emphasised TOC entries', () => {
    const htmlText = deckHtml(stacks);
    expect(htmlText).toContain('<h2><span class="num">3.1.2.</span> Broadcasting</h2>');
    expect(htmlText).toContain('<h1>How to write parallel code in the browser</h1>');
    expect(htmlText).toContain('<strong aria-current="true">Data &amp; Memory</strong>');
    expect(htmlText).not.toContain('__');
  });

  it('follows a rename everywhere: headings and TOC slides', () => {
    const toc = renamed(lectureToc, [2, 0, 1], 'Stretching arrays');
    const before = deckHtml(stacks);
    const after = deckHtml(deckModel(toc, lectureSlides));
    const count = (s: string, needle: string) => s.split(needle).length - 1;
    const oldHeading = '<span class="num">3.1.2.</span> Broadcasting</h2>';
    const newHeading = '<span class="num">3.1.2.</span> Stretching arrays</h2>';
    expect(count(before, oldHeading)).toBeGreaterThan(1);
    expect(count(after, newHeading)).toBe(count(before, oldHeading));
    expect(count(after, oldHeading)).toBe(0);
    // TOC slides that list 3.1's children (display(2, 0)) now show the new name.
    expect(count(after, '<li value="2">Stretching arrays</li>')).toBe(count(before, '<li value="2">Broadcasting</li>'));
    expect(count(after, '<li value="2">Broadcasting</li>')).toBe(0);
  });

  it('rejects slides whose ids are not in the tree, and split sections', () => {
    expect(() => deckModel(lectureToc, [{ ids: [9], body: '', notes: '' }])).toThrow(/no TOC entry/);
    expect(() =>
      deckModel(lectureToc, [
        { ids: [0, 0], body: '', notes: '' },
        { ids: [1, 0], body: '', notes: '' },
        { ids: [0, 1], body: '', notes: '' },
      ]),
    ).toThrow(/not contiguous/);
  });
});
