import { html, type SlideSpec } from '../src/deck/slide.ts';

const END = [4];

export const wrappingUpSlides: SlideSpec[] = [
  {
    ids: END,
    body: html`
      <h3>Two levers for more work per second</h3>
      <div class="cols">
        <div>
          <p><strong>Vectorise</strong>: more from each instruction</p>
          <ol class="dense">
            <li class="fragment">pays off in the innermost, low-level loops</li>
            <li class="fragment">fits the array style: whole-array operations hide the lanes</li>
            <li class="fragment">gets more out of the core you already have: SIMD lanes, full cache lines</li>
          </ol>
        </div>
        <div>
          <p><strong>Parallelise</strong>: more instructions at once</p>
          <ol class="dense">
            <li class="fragment">grows with the number of workers</li>
            <li class="fragment">costs start-up and messages, sometimes more than it saves</li>
            <li class="fragment">big data: share it rather than copy it</li>
            <li class="fragment">pays best split high up in the program, in heavy tasks</li>
          </ol>
        </div>
      </div>`,
    notes: html`<p>Tie each point to a measurement they saw: SIMD and layout for vectorisation; per-element vs per-row tasks and shared memory for parallelism.</p>`,
  },
  {
    ids: END,
    body: html`
      <h3>So which one should you use?</h3>
      <p class="fragment">There is <strong>no universal winner</strong>: your data, your shapes and your machine decide, as the panels showed. Try the candidates, profile, then choose.</p>
      <p class="fragment">Begin with the version that is <em>easy to write</em> and correct, even if it is slow; speed can come later.</p>
      <p class="fragment">Then optimise in rounds over the whole program, each round starting from a fresh profile, rather than perfecting one hot spot. Odd as it sounds, that tends to win, above all when the time for optimising is limited.</p>`,
    notes: html`<p>Close the argument: measure first, simplest version first, iterate. The ladder on the next slide is the evidence; switch its shape to lowL and then highL and watch the leader change.</p>`,
  },
  {
    ids: END,
    bench: { id: 'summary-all', kind: 'summary' },
    benchWide: true,
    body: html`
      <h3>What each lesson bought</h3>
      <p>One product, climbed a lesson at a time: for each step, its fastest variant that gave the right answer, and how many times faster it is than the step below.</p>
      <ul class="dense">
        <li>Empty? <em>Measure the ladder</em> runs just those variants at the chosen shape</li>
        <li>Dashed lines: the peak this machine reached with no memory traffic</li>
        <li><em>Import results</em> (bottom left) puts a colleague's export beside yours</li>
        <li>From a terminal: <code>npm run bench</code></li>
      </ul>
      <p class="muted">Thanks! Questions?</p>`,
    notes: html`<p>Walk the ladder from the top. Every figure was measured in this browser today, and a step may go down: array programming allocates, so it can lose to the loops. The table under the chart holds the numbers; the toggle lists every result of the visit. If someone brought an export from another laptop, import it now and compare the two ladders.</p>`,
  },
];
