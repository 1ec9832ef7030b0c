import { html, type SlideSpec } from '../src/deck/slide.ts';

const END = [4];

export const wrappingUpSlides: SlideSpec[] = [
  {
    ids: END,
    body: html`
      <h3>Two ways to do more work per unit of time</h3>
      <div class="cols">
        <div>
          <p><strong>Vectorise</strong></p>
          <ol class="dense">
            <li class="fragment">speeds up the low-level operations</li>
            <li class="fragment">pairs naturally with array programming</li>
            <li class="fragment">makes better use of the hardware you already have (SIMD lanes, caches)</li>
          </ol>
        </div>
        <div>
          <p><strong>Parallelise</strong></p>
          <ol class="dense">
            <li class="fragment">adds workers</li>
            <li class="fragment">pays an overhead that can be heavy (start-up, messages)</li>
            <li class="fragment">for large data, share memory instead of copying</li>
            <li class="fragment">works best at a high level, with heavy tasks</li>
          </ol>
        </div>
      </div>`,
    notes: html`<p>Tie each point to a measurement they saw: SIMD and layout for vectorisation; per-element vs per-row tasks and shared memory for parallelism.</p>`,
  },
  {
    ids: END,
    body: html`
      <h3>So which strategy is best?</h3>
      <p class="fragment"><strong>None</strong> in general: each is good at something different. Try the options, profile, and pick what fits your case.</p>
      <p class="fragment">Do not be afraid of a <em>sub-optimal</em> solution that is <em>quick to write</em>: you can come back and optimise later.</p>
      <p class="fragment">It sounds backwards, but improving a large program in several passes usually beats polishing one local hot spot, even more so when the time for optimisation is fixed.</p>`,
    notes: html`<p>Close the argument: measure first, simplest version first, iterate.</p>`,
  },
  {
    ids: END,
    bench: { id: 'summary-all', kind: 'summary' },
    benchWide: true,
    body: html`
      <h3>Everything measured in this visit</h3>
      <p>Every variant you ran today, on this machine, with its check.</p>
      <ul class="dense">
        <li>Export the results to compare machines</li>
        <li>Run the same suite from the command line: <code>npm run bench</code></li>
      </ul>
      <p class="muted">Thanks! Questions?</p>`,
    notes: html`<p>The summary panel lists every result of this visit. Offer the export so students can compare their laptops.</p>`,
  },
];
