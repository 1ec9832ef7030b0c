import { html, type SlideSpec } from '../src/deck/slide.ts';
import { code } from '../src/deck/sources.ts';

const DATA = [1, 0];
const DRIVER = [1, 1];

export const profilingSlides: SlideSpec[] = [
  {
    ids: DATA,
    body: html`
      <h3>Before timing anything, fix the data</h3>
      <ul>
        <li class="fragment"><strong>The same data on every run:</strong> a seeded generator, not <code>Math.random()</code>, so two runs and two machines multiply identical matrices</li>
        <li class="fragment"><strong>Different data, on purpose:</strong> one lucky matrix proves nothing. Each shape below holds 10 samples, each from its own seed, and every variant goes through all of them: its $r$-th timed sample multiplies data sample $r \bmod 10$</li>
        <li class="fragment"><strong>Shapes that stress different things:</strong>
          <ul>
            <li>"low $l$": $A$ is $200\times 10$, $B$ is $10\times 400$: many short dot products</li>
            <li>"high $l$": $A$ is $20\times 10\,000$, $B$ is $10\,000\times 40$: few long ones</li>
          </ul>
        </li>
        <li class="fragment"><strong>The right answer, once:</strong> a plain float64 reference product per data sample, computed before any timing starts</li>
      </ul>`,
    notes: html`<p>Each rule prevents a classic benchmarking mistake: different data between runs, one unrepresentative input, one shape that hides the effect, and paying for the check inside the timing.</p>
      <p>Be exact about the samples: low l and high l hold 10 data samples each, sample i seeded with sampleSeed(seed, i) from one base seed, so every run multiplies the same 10 pairs; <code>npm run bench -- --seed N</code> draws another 10. With the panels' default of 10 timed samples per variant, each variant is timed once on every data sample; a run with fewer rounds uses as many data samples as it has rounds, and each result records how many (dataSamples in the exported JSON). A shape of your own (an edited m, l or n) gets one pair, from the base seed; so does the big set of 4.2, at 229 MiB a sample.</p>
      <p>Low l and high l multiply matrices with the same "feel" but opposite aspect ratios; several variants later win on one and lose on the other.</p>`,
  },
  {
    ids: DATA,
    body: html`
      <div class="split">
        <div>${code('generate', 'src/data/generate.ts')}</div>
        <div class="dense">
          <ul>
            <li>A 32-bit seeded generator (mulberry32): same seed, same numbers, in every browser and in Node</li>
            <li>Uniform values in $[0, 1)$, like the notebook's random matrices</li>
            <li class="fragment">Values keep 24 bits, so they are exact in <code>Float32Array</code> too: float32 and float64 runs multiply the very same numbers (3.2.1)</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Show that this is the real generator the harness calls. Nothing here is timed.</p>
      <p>The 24-bit trick matters later: when we compare float32 with float64 only the storage and arithmetic differ, not the inputs.</p>`,
  },
  {
    ids: DRIVER,
    body: html`
      <h3>The driver: what a fair measurement needs</h3>
      <ul>
        <li class="fragment"><strong>Check the answer</strong> before believing its time: the cold call's product and the last product of every timed sample, each against its own data sample's reference. A fast wrong product is worth nothing</li>
        <li class="fragment"><strong>Warm up first.</strong> V8 starts in its interpreter and only compiles a function once it is hot (section 3.1): the first calls are not representative</li>
        <li class="fragment"><strong>Many timed calls</strong>, and report the median with its spread, not one number</li>
        <li class="fragment"><strong>Interleave variants</strong> (A, B, C, A, B, C…) so a slow phase of the machine hits all of them alike</li>
        <li class="fragment"><strong>Time only the kernel</strong> with <code>performance.now()</code>: at best 5&nbsp;µs resolution in an isolated page, 100&nbsp;µs otherwise, so short calls are timed in batches</li>
      </ul>`,
    notes: html`<p>Walk through the bullets; each one is implemented in the harness on the next slide.</p>
      <p>Mention the timer: browsers coarsen performance.now() since Spectre. Those are the best the specification allows (5 µs isolated, 100 µs otherwise); a browser may be coarser still. The env button shows the resolution measured in this page, and the harness sizes its batches from that measured value.</p>`,
  },
  {
    ids: DRIVER,
    body: html`${code('driver', 'src/bench/harness.ts')}`,
    className: 'code-only',
    notes: html`<p>The measuring loop of the real harness, in three steps: a cold call timed separately (it pays for compilation), a warm-up that also picks a batch size, then interleaved rounds of samples, round r on data sample r mod 10, set up again outside the clock.</p>
      <p>Scroll the code if needed. The cold call's product and the last product of every sample go through the check on the next slide (a batch repeats one product, so its last call stands for it); pool and GPU variants also get an untimed, checked call after each set-up on new data. The variant's verdict is its worst check; a failed check is shown next to the time, never hidden.</p>`,
  },
  {
    ids: DRIVER,
    body: html`
      <div class="split">
        <div>${code('allclose', 'src/check/allclose.ts')}</div>
        <div class="dense">
          <p>Floating-point sums depend on their order, so we never test <code>===</code>. Each element must satisfy</p>
          $$|a - b| \le \text{atol} + \text{rtol}\cdot|b|$$
          <ul>
            <li>$b$ is the expected value: the test is not symmetric (as in numpy)</li>
            <li class="fragment">float64: rtol $=10^{-5}$, atol $=10^{-8}$</li>
            <li class="fragment">float32: rounding error grows with the length $l$ of each sum, so rtol grows with $l$ too</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>This is our port of numpy's allclose. Point out the asymmetry: the tolerance scales with the expected value b, not with the result.</p>
      <p>The float32 tolerance is derived from the classic error bound of a recursive sum, about l times the unit roundoff: a wrong index still fails by orders of magnitude.</p>`,
  },
  {
    ids: DRIVER,
    bench: { id: 'profile-naive', kind: 'profile', datasets: 'lowL,highL', samples: '2' },
    benchWide: true,
    body: html`
      <h3>Where does the time go? A line profile</h3>
      <p>Run the naive kernel on both shapes and count, for each line of its source:</p>
      <ul class="dense">
        <li><strong>hits</strong>: how often the line ran</li>
        <li><strong>time</strong> and <strong>time per hit</strong></li>
        <li><strong>% time</strong>: its share of the total</li>
      </ul>
      <p class="fragment">Expect the inner loop over $k$ to dominate: it runs $m\cdot n\cdot l$ times, everything else at most $m\cdot n$ times.</p>
      <p class="fragment muted">Instrumenting every line slows the code down; trust the proportions, not the absolute times. The total time of the uninstrumented kernel is shown too.</p>
      <p class="fragment">The <em>Kernel</em> menu follows every JavaScript variant of section 3: after each rewrite, which line is hot now?</p>`,
    notes: html`<p>Demo: press Run in the panel. It profiles the naive kernel line by line (the browser has no line profiler, so the panel instruments a copy of the kernel), then shows the table and the plain total time.</p>
      <p>Read the hits column first: it is pure arithmetic (m·n·l for the multiply line) and confirms the counts. Then the % column: that is where optimisation pays.</p>
      <p>Come back here during section 3: pick element-vectorised, indexing or broadcasting in the Kernel menu and the same table shows where each rewrite moved the time (into the helpers' calls, the gathers, the big temporary).</p>`,
  },
  {
    ids: DRIVER,
    body: html`
      <h3>Profilers in the browser</h3>
      <div class="cols">
        <div>
          <p><strong>Sampling</strong> (cheap, whole program)</p>
          <ul class="dense">
            <li>DevTools → Performance: record, then read the flame chart and the "bottom-up" table</li>
            <li><code>console.profile()</code> / <code>console.profileEnd()</code> around a region</li>
            <li>Node: <code>node --cpu-prof</code></li>
          </ul>
        </div>
        <div>
          <p><strong>Instrumenting</strong> (precise, intrusive)</p>
          <ul class="dense">
            <li><code>performance.mark()</code> / <code>performance.measure()</code>: named spans that show up in DevTools</li>
            <li>Counters and timers added by hand, like the line profile of the previous slide</li>
          </ul>
        </div>
      </div>
      <p class="fragment callout">Start with a sampling profile of the <em>whole</em> program; instrument only the hot spot it reveals.</p>`,
    notes: html`<p>Optional live demo: open DevTools → Performance, record while running the naive benchmark, show the worker's flame chart.</p>
      <p>A sampling profiler interrupts the program at intervals and records the stack, so it barely changes timings; instrumentation is exact about counts but distorts short lines.</p>`,
  },
];
