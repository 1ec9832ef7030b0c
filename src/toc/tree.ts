// The one tree of titles that drives every heading and TOC slide of the deck.
// Rename an entry here and the numbered headings and TOC slides follow.
import { tocFrom, type Toc } from './toc.ts';

export const lectureToc: Toc = tocFrom(
  'How to write parallel code in the browser',
  [
    ['Toy problem', [['Matrix multiplication', []], ['Code example', []]]],
    ['Profiling', [['Test data (benchmark)', []], ['Driver program', []]]],
    [
      'Vectorisation',
      [
        ['Array programming', [['Indexing', []], ['Broadcasting', []]]],
        ['SIMD', [['Data type', []], ['GPU', []], ['Memory layout', []], ['Tuned kernel', []]]],
      ],
    ],
    [
      'Parallel execution',
      [
        ['Multi-threading/processing', [['Concepts', []], ['The JavaScript situation', []]]],
        ['Data & Memory', [['Shared memory vs messages', []], ['Concurrent access', []]]],
      ],
    ],
    ['Wrapping up', []],
  ],
  // Level 2: the deck title is the page's only h1, every slide heading is an h2,
  // and the opening TOC lists the sections with their subsections.
  2,
);

export * from './toc.ts';
