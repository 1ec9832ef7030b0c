import { html, type SlideSpec } from '../src/deck/slide.ts';

export const titleSlides: SlideSpec[] = [
  {
    ids: [],
    body: html`<p class="lead">Make one matrix product faster: first <strong>vectorise</strong>, then <strong>parallelise</strong>,
      with typed arrays, V8's JIT, WebAssembly and Web Workers. Every timing in this deck is measured live, in this page,
      on your machine.</p>`,
    notes: html`<p>Welcome. The lecture follows one toy problem, the matrix product, from the textbook loops to shared-memory workers.</p>
      <p>Point at the corner badge: it says whether this page is cross-origin isolated. The shared-memory part of section 4 needs it.</p>
      <p>Keys: S opens this speaker view, Esc the overview, arrows move; down arrows go deeper into a section.</p>`,
  },
];
