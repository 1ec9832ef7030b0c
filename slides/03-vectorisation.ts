import { html, type SlideSpec } from '../src/deck/slide.ts';
import { code } from '../src/deck/sources.ts';

const SEC = [2];
const ARR = [2, 0];
const IDX = [2, 0, 0];
const BC = [2, 0, 1];
const SIMD = [2, 1];
const DT = [2, 1, 0];
const LAY = [2, 1, 1];

const strip = (cells: string[], cls: (k: number) => string) =>
  `<div class="mem">${cells.map((c, k) => `<span class="${cls(k)}">${c}</span>`).join('')}</div>`;
const names = (order: 'row' | 'col') =>
  Array.from({ length: 9 }, (_, k) => (order === 'row' ? [Math.floor(k / 3), k % 3] : [k % 3, Math.floor(k / 3)])).map(
    ([i, j]) => `a${i}${j}`,
  );

export const vectorisationSlides: SlideSpec[] = [
  {
    ids: ARR,
    body: html`
      <div class="cols">
        <div>
          <h3>A change of mindset</h3>
          <ul>
            <li class="fragment">The unit you manipulate is a whole <strong>array</strong>, not one element</li>
            <li class="fragment">Operations apply to entire arrays at once: <code>multiply(a, b)</code>, <code>sum(a)</code></li>
            <li class="fragment muted">It takes some getting used to; that is normal</li>
          </ul>
        </div>
        <div>
          <h3>What it buys</h3>
          <ul>
            <li class="fragment">Fewer loops in <em>your</em> code: the loops move into a few small, well-tuned routines</li>
            <li class="fragment">In Python those routines are compiled C (numpy); in the browser they are typed-array helpers that V8 compiles once and reuses, or WebAssembly</li>
            <li class="fragment"><strong>Your code stays high-level</strong>: what, not how</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Array programming is the numpy / MATLAB style. JavaScript has no numpy, so the kernels use a tiny helper module (src/kernels/ndarray.ts) with multiply, sum, reshape, gather and broadcasting.</p>
      <p>Be honest about the browser: in Python the win comes from leaving the interpreter; in JavaScript the loops are JIT-compiled already, so we measure whether the style still helps.</p>`,
  },
  {
    ids: ARR,
    body: html`
      <div class="split">
        <div>${code('element-vectorised', 'src/kernels/element-vectorised.ts')}</div>
        <div class="dense">
          <h3>First step: one element at a time</h3>
          <ul>
            <li>No loop over $k$ any more, and no $l$ argument: both vectors have length $l$</li>
            <li class="fragment"><strong>Mind the shapes:</strong> pass the wrong vector and you get a wrong answer, or an error if you are lucky</li>
            <li class="fragment">The reduction is one of a family: sum, product, max, min, mean, standard deviation…</li>
            <li class="fragment">On an $n$-dimensional array you choose the <strong>axis</strong> to reduce along (3.1.2)</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Compare with the naive code: the loop over k became multiply + sum. The double loop over i and j is still there.</p>
      <p>Note that column(b, j) copies: a column of a row-major matrix is not contiguous. That copy is part of the cost.</p>`,
  },
  {
    ids: ARR,
    bench: { id: 'element-vectorised', variants: 'naive,element-vectorised', datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Did it help?</h3>
      <p>Naive loops against the element-wise product + sum, on both shapes.</p>
      <ul class="dense">
        <li class="fragment">Each element now allocates a product array and a copied column: extra work the naive loop never did</li>
        <li class="fragment">In Python this step alone is a big win (the loop leaves the interpreter); in JavaScript the naive loop was compiled already, so the gain, if any, is small, and allocation can make it a loss</li>
        <li class="fragment">Measure; do not assume</li>
      </ul>`,
    notes: html`<p>Demo: run the panel. Read the median and the spread; check that both variants are marked correct.</p>
      <p>If the vectorised version is slower, that is the lesson: the style is not free when the engine already compiles your loops.</p>`,
  },
  {
    ids: ARR,
    body: html`
      <h3>Can we remove <em>every</em> loop?</h3>
      <p class="fragment">Yes: array programming has tools for exactly that. Two of them:</p>
      <ul>
        <li class="fragment"><strong>Indexing:</strong> pick elements of an array with arrays of indices (3.1.1)</li>
        <li class="fragment"><strong>Broadcasting:</strong> combine arrays of different shapes by stretching the smaller one (3.1.2)</li>
      </ul>`,
    notes: html`<p>Transition slide. Ask the room how they would get rid of the i, j loops before showing the two answers.</p>`,
  },
  {
    ids: IDX,
    body: html`
      ${code('indexing', 'src/kernels/indexing.ts')}
      <ul class="small">
        <li>Index arrays list every pair $(i, j)$: <code>i = [0,0,0,…,1,1,1,…]</code> and <code>j = [0,1,2,…,0,1,2,…]</code></li>
        <li class="fragment">Gather row $i$ of $A$ and column $j$ of $B$ for <em>every</em> pair: two $(m\cdot n)\times l$ arrays</li>
        <li class="fragment">One element-wise multiply and one sum along axis 1 give all $c_{ij}$ at once; no loop over $i$, $j$ or $k$ is left in this function</li>
        <li class="fragment">Check the shapes at every step: this is where array code goes wrong</li>
      </ul>`,
    notes: html`<p>Walk through with a 2×2 example: i = [0,0,1,1], j = [0,1,0,1]. aRows has rows [A0, A0, A1, A1], bCols has columns [B·0, B·1, B·0, B·1].</p>
      <p>The helpers loop internally; the kernel itself has only the final scatter into C.</p>`,
  },
  {
    ids: IDX,
    bench: { id: 'indexing', variants: 'naive,element-vectorised,indexing', datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Fast when small, terrible when large</h3>
      <p>Indexing is fine until it <strong>replicates</strong> data beyond reason: each row of $A$ is copied $n$ times and each column of $B$ $m$ times.</p>
      $$\text{extra} \approx 3\,m\,n\,l \times \text{bytes per element}$$
      <ul class="dense">
        <li class="fragment">low $l$, float64: $3\cdot 200\cdot 400\cdot 10\cdot 8 \approx 19$ MB for a product whose inputs are 48 kB</li>
        <li class="fragment">high $l$, float64: $3\cdot 20\cdot 40\cdot 10\,000\cdot 8 \approx 192$ MB</li>
        <li class="fragment">And the sum then runs over those huge arrays too</li>
      </ul>
      <p class="fragment">How do we keep "no loops" without the copies?</p>`,
    notes: html`<p>The byte counts are arithmetic from the shapes: gathered rows, gathered columns and their product, m·n·l elements each. The panel shows the extra bytes the variant reports next to its time.</p>
      <p>Run both shapes: low l should look reasonable, high l clearly worse, and bigger shapes are refused by the memory budget.</p>`,
  },
  {
    ids: BC,
    body: html`
      <h3>What is broadcasting?</h3>
      <ul>
        <li>An element-wise operation on two arrays of <em>different</em> shapes fails, unless the shapes can be <strong>broadcast</strong> together</li>
        <li class="fragment">Take $A_{(m,l)}$, $B_{(l,n)}$ and a vector $v_{(l)}$</li>
        <li class="fragment">$A \cdot v$ works: column $k$ of $A$ is multiplied by $v_k$; $v$ is repeated along the rows of $A$</li>
        <li class="fragment">$B \cdot v$ fails (the last axes, $n$ and $l$, differ), but reshape $v$ to $(l, 1)$ and row $k$ of $B$ is multiplied by $v_k$: $v$ is repeated along the columns</li>
        <li class="fragment">Nothing is copied: the stretched axis simply re-reads the same values</li>
      </ul>`,
    notes: html`<p>Draw it: A·v lays v over each row of A. For B, v standing as a column (l, 1) lays over each column.</p>
      <p>The "nothing copied" bullet is the whole point compared with indexing: repetition is an index trick (stride 0), not a copy.</p>`,
  },
  {
    ids: BC,
    body: html`
      <h3>The rules</h3>
      <p>Two arrays with the same number of axes broadcast if, axis by axis:</p>
      <ul>
        <li class="fragment">the sizes are <strong>equal</strong> (nothing to do), or</li>
        <li class="fragment">one of them is <strong>1</strong>: that array is repeated along the axis</li>
      </ul>
      <p class="fragment">With different numbers of axes, the shapes are aligned on their <em>last</em> axis and missing axes count as 1: legal, but easy to misread.</p>
      <p class="fragment callout">Safer: reshape with explicit 1s so both arrays have the same number of axes, then apply the rules above.</p>`,
    notes: html`<p>Examples: (3, 1) with (1, 4) gives (3, 4); (2, 3) with (3, 2) fails because 3 vs 2 and 2 vs 3 are neither equal nor 1.</p>
      <p>Our helper module implements exactly these rules in broadcastShape and throws a readable error when they fail.</p>`,
  },
  {
    ids: BC,
    body: html`
      <div class="split">
        <div>${code('broadcasting', 'src/kernels/broadcasting.ts')}</div>
        <div class="dense">
          <h3>In practice</h3>
          $$\underbrace{A_{(m,l,1)} \cdot B_{(1,l,n)}}_{(m,\,l,\,n)} \xrightarrow{\ \sum_\text{axis 1}\ } C_{(m,n)}$$
          <ul>
            <li class="fragment">Make the axes explicit with reshapes</li>
            <li class="fragment">The product holds every $a_{ik}b_{kj}$: an $m\times l\times n$ temporary</li>
            <li class="fragment">Reduce over the middle axis ($k$)</li>
            <li class="fragment">Check the shapes. Then check them again</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The whole product is two reshapes, one broadcast multiply and one reduction.</p>
      <p>The temporary has m·l·n elements, one third of what indexing allocated, and the inputs are never duplicated.</p>`,
  },
  {
    ids: BC,
    bench: { id: 'broadcasting', variants: 'naive,element-vectorised,indexing,broadcasting', datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Broadcasting against the others</h3>
      <ul>
        <li>Loops gone, and no replicated inputs</li>
        <li class="fragment">Still one $m\cdot l\cdot n$ temporary: $8\cdot 200\cdot 10\cdot 400 = 6.4$ MB for low $l$ in float64</li>
        <li class="fragment">Compare with the naive, element-wise and indexing versions on both shapes</li>
      </ul>`,
    notes: html`<p>Demo: run all four array-programming variants in one panel. Expect broadcasting to beat indexing clearly; against the plain compiled loops it may not win in JavaScript.</p>`,
  },
  {
    ids: ARR,
    bench: { id: 'jit-tiering', kind: 'jit', variants: 'naive,element-vectorised,wasm-element,wasm-whole', datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Can we <em>compile</em> on top of array programming?</h3>
      <p>In JavaScript the loops are already compiled, just in time. V8 has tiers:</p>
      <ol class="dense">
        <li class="fragment"><strong>Ignition</strong>: an interpreter, starts at once</li>
        <li class="fragment"><strong>Sparkplug</strong>: a quick baseline compiler</li>
        <li class="fragment"><strong>Maglev</strong>: a fast optimising compiler</li>
        <li class="fragment"><strong>TurboFan</strong>: the fully optimising compiler, for hot code</li>
      </ol>
      <p class="fragment">A function moves up as it gets hot, and drops back (<em>deoptimises</em>) if its types change. That is why the driver warms up.</p>`,
    notes: html`<p>Demo: the panel times the first calls of a freshly loaded kernel one by one, then the steady state. The first call is the slowest; the curve flattens once TurboFan has compiled the loop.</p>
      <p>This replaces numba's @jit from the notebook: we do not need to ask for compilation, but we must let it happen before timing.</p>`,
  },
  {
    ids: ARR,
    body: html`
      <h3>Compiled ahead of time: WebAssembly, one element per call</h3>
      <div class="cols">
        <div>${code('wasm-element', 'src/kernels/wasm.ts')}</div>
        <div>${code('wasm-element', 'src/wasm/assembly/matmul.ts')}</div>
      </div>
      <ul class="small">
        <li>Right: AssemblyScript (TypeScript syntax, static machine types) compiled to a <code>.wasm</code> module at build time: no type guessing, no deoptimisation</li>
        <li class="fragment">Left: JavaScript still loops over $i, j$ and calls the compiled dot product once per $c_{ij}$; only addresses cross the JS/wasm boundary</li>
      </ul>`,
    notes: html`<p>This mirrors the notebook's JIT-compiled element function called from a Python double loop. A, B and C were copied into the module's linear memory in the untimed set-up; the kernel receives byte addresses.</p>
      <p>Wasm also has tiers in V8 (Liftoff first, then TurboFan), but it needs no type feedback, so it reaches full speed sooner.</p>`,
  },
  {
    ids: ARR,
    bench: { id: 'wasm-compiled', variants: 'naive,wasm-element,wasm-whole', datasets: 'lowL,highL', samples: '10' },
    body: html`
      ${code('wasm-whole', 'src/wasm/assembly/matmul.ts')}
      <ul class="small">
        <li><strong>Whole product:</strong> all three loops inside WebAssembly, one call per product</li>
        <li class="fragment">Compare JS naive, wasm per element, wasm whole: the fewer boundary crossings, the more the compiler can optimise</li>
      </ul>`,
    notes: html`<p>Run the panel. The whole-product module should beat the per-element one, which pays a call per element; how it compares with the JS naive loop depends on the engine.</p>`,
  },
  {
    ids: SIMD,
    body: html`
      <h3>Single Instruction, Multiple Data</h3>
      <ul>
        <li class="fragment">We think of operations on <strong>elements</strong> of an array</li>
        <li class="fragment">The CPU applies them to <strong>registers</strong>: 64 bits for a scalar, 128, 256 or 512 bits for vector registers</li>
        <li class="fragment">SIMD: pack as many elements as fit into one register and apply the operation <strong>once</strong></li>
        <li class="fragment">That means <em>unrolling</em> the loop: work on 2, 4, 8… elements per iteration
          <ul>
            <li>by hand at a low level (intrinsics, assembly, WebAssembly <code>v128</code>)</li>
            <li>or left to a compiler or a library (BLAS, numpy, TensorFlow.js)</li>
          </ul>
        </li>
        <li class="fragment">The gain depends on the data type and the register width; GPUs go much wider still</li>
      </ul>`,
    notes: html`<p>WebAssembly has one fixed SIMD width: 128 bits (v128). Native code on this kind of CPU could use 256 or 512, which is one reason native BLAS is far ahead.</p>
      <p>V8 does not auto-vectorise JavaScript loops, so in the browser SIMD means WebAssembly.</p>`,
  },
  {
    ids: SIMD,
    body: html`
      <div class="split">
        <div>${code('wasm-simd', 'src/wasm/assembly/matmul.ts')}</div>
        <div>
          <h3>WebAssembly SIMD: 128-bit vectors</h3>
          <ul>
            <li><code>v128.load</code> fetches several consecutive elements of a row of $B$ at once</li>
            <li class="fragment"><code>splat</code> copies one $a_{ik}$ into every lane</li>
            <li class="fragment">One multiply and one add update all lanes; eight accumulators stay in registers for the whole loop over $k$</li>
            <li class="fragment">Edges that do not fill a vector are done one element at a time</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Scroll through the kernel: a block of 4 rows by 2 vectors of C is computed at once, which is the unrolling the previous slide talked about. The loads need consecutive elements: the next two subsections are about exactly that.</p>`,
  },
  {
    ids: SIMD,
    bench: { id: 'simd', variants: 'wasm-scalar,wasm-simd', datasets: 'lowL,highL', dataset: 'highL', dtype: 'f32', samples: '10' },
    body: html`
      <h3>Scalar against SIMD</h3>
      <ul>
        <li>The same module also exports a scalar twin: same loop structure, one element per instruction</li>
        <li class="fragment">The difference between the two is what the vector lanes buy, on your CPU</li>
        <li class="fragment">Native code could use 256- or 512-bit registers; WebAssembly is fixed at 128 bits, one reason native BLAS stays ahead</li>
      </ul>`,
    notes: html`<p>Run the panel: wasm-scalar against wasm-simd on the same data, both checked. With 2 lanes in f64 and 4 in f32, the ideal gains are 2× and 4×; memory traffic usually keeps us below that.</p>`,
  },
  {
    ids: DT,
    bench: { id: 'dtype', variants: 'naive,wasm-scalar,wasm-simd', datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
    body: html`
      <h3>Smaller types, more lanes</h3>
      <table>
        <tr><th></th><th>float64</th><th>float32</th></tr>
        <tr><td>typed array</td><td><code>Float64Array</code></td><td><code>Float32Array</code></td></tr>
        <tr><td>lanes in a v128</td><td>2 (<code>f64x2</code>)</td><td>4 (<code>f32x4</code>)</td></tr>
        <tr><td>significant digits</td><td>≈ 16</td><td>≈ 7</td></tr>
        <tr><td>bytes moved per element</td><td>8</td><td>4</td></tr>
      </table>
      <ul class="dense">
        <li class="fragment">Twice the work per instruction and half the memory traffic, for less precision</li>
        <li class="fragment">GPUs may not offer float64 at all (WebGPU's WGSL has no f64)</li>
        <li class="fragment">Integers are cheaper still: if you do not need fractions, do not use floats</li>
      </ul>`,
    notes: html`<p>Run the same kernels in both types. float32 results are checked with a tolerance that grows with l, as explained in 2.2.</p>
      <p>Plain JavaScript arithmetic is always double precision; a Float32Array only changes the storage, so expect the JS kernels to gain less than the SIMD ones.</p>`,
  },
  {
    ids: LAY,
    body: html`
      <div class="cols">
        <div>
          <ul class="dense">
            <li>SIMD starts by loading data from memory: fastest when the elements are <strong>contiguous</strong></li>
            <li>Memory is one-dimensional; a matrix has two, so neighbours in a matrix may be far apart in memory</li>
            <li class="fragment"><strong>Row-major</strong> (C, JavaScript typed arrays by convention): a row is contiguous, rows follow each other</li>
            <li class="fragment"><strong>Column-major</strong> (Fortran, BLAS): a column is contiguous, columns follow each other</li>
          </ul>
        </div>
        <div>
          <p class="small">$3\times 3$ matrix, row-major in memory:</p>
          ${strip(names('row'), (k) => `r${Math.floor(k / 3)}${k % 3 === 0 ? ' c0' : ''}`)}
          <p class="small">the same matrix, column-major:</p>
          ${strip(names('col'), (k) => `r${k % 3}${Math.floor(k / 3) === 0 ? ' c0' : ''}`)}
          <p class="muted">Colour: the row of each element; outline: column 0.</p>
          <p class="small fragment"><strong>Contiguous:</strong> one load fills a register.<br/><strong>Strided:</strong> one load per element (n ≥ 1 instructions).</p>
        </div>
      </div>`,
    notes: html`<p>Colours are rows; the outlined cells are column 0. Row-major keeps a row together, column-major a column.</p>
      <p>For c_ij we read a row of A and a column of B. With both row-major, the column of B is strided by n: every element is a separate load and likely a separate cache line.</p>`,
  },
  {
    ids: LAY,
    body: html`
      <div class="split">
        <div>${code('layout', 'src/kernels/layout.ts')}</div>
        <div>
          <h3>Four combinations</h3>
          <ul>
            <li>$A$ row- or column-major × $B$ row- or column-major: the same loop, only the strides change</li>
            <li class="fragment">The inner loop over $k$ is contiguous only for A row-major and B column-major</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>One kernel for all four layouts: element (i, k) of A sits at i·aRowStep + k·aColStep. Row-major m×l means steps (l, 1), column-major (1, m). Ask the room which combination gives unit steps in the inner loop before revealing the answer.</p>`,
  },
  {
    ids: LAY,
    bench: { id: 'layout', variants: 'layout-rr,layout-rc,layout-cr,layout-cc,ikj,transposed-b', datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
    body: html`
      <h3>Layouts, measured</h3>
      <ul>
        <li>The four layout combinations on the same data, in float64 and float32</li>
        <li class="fragment">Plus two ways to get contiguous access without changing the inputs' layout (next slide)</li>
        <li class="fragment">Converting a layout costs a copy: here it happens in the untimed set-up. In your program it would not be free: sometimes worth it, sometimes not. Measure both</li>
      </ul>`,
    notes: html`<p>Run the panel. Expect the row × column combination to win and column × row to lose, most clearly on the high-l shape where each dot product is long.</p>`,
  },
  {
    ids: LAY,
    body: html`
      <h3>Or change the walk instead of the data</h3>
      <div class="cols">
        <div>${code('ikj', 'src/kernels/loop-order.ts')}</div>
        <div>${code('transposed-b', 'src/kernels/loop-order.ts')}</div>
      </div>
      <ul class="small">
        <li><strong>i-k-j order:</strong> same arithmetic, but the inner loop runs along rows of $B$ and $C$: contiguous</li>
        <li class="fragment"><strong>Transpose $B$ once:</strong> a copy of $l\cdot n$ elements, then every $c_{ij}$ is a dot product of two contiguous rows</li>
      </ul>`,
    notes: html`<p>Both are in the layout benchmark panel of the previous slide. The i-k-j version touches C l times per element, yet usually wins because every access is sequential.</p>`,
  },
  {
    ids: SEC,
    body: html`
      <h3>What did we learn?</h3>
      <ul>
        <li class="fragment">Array programming is powerful, but use it with care
          <ul>
            <li>the best formulation is not always obvious: you think in $n$ dimensions</li>
            <li>compiled loops can beat "no loops at all"</li>
            <li>especially when "no loops" means indexing that replicates data</li>
          </ul>
        </li>
        <li class="fragment">The data type matters: do not pay for precision you do not need; GPUs may lack float64; integers are cheapest</li>
        <li class="fragment">The memory layout matters: if you know how you will walk an array, store it that way; otherwise weigh a conversion against a slower walk</li>
      </ul>`,
    notes: html`<p>Recap the measurements the audience has seen in this section; the summary panel on the next slide gathers them.</p>`,
  },
  {
    ids: SEC,
    bench: { id: 'summary-vectorisation', kind: 'summary', variants: 'naive,naive-plain,element-vectorised,indexing,broadcasting,wasm-element,wasm-whole,wasm-scalar,wasm-simd,ikj,transposed-b,layout-rr,layout-rc,layout-cr,layout-cc', title: 'Section 3 as measured in this visit' },
    benchWide: true,
    body: html`
      <p class="callout warn"><strong>Warning:</strong> these optimisations are local and specific to arrays. It is easy to lose days polishing a kernel that was never the bottleneck.</p>
      <p class="fragment"><strong>Always profile the whole program first</strong>, then spend effort where the time really goes:</p>
      <ul class="dense fragment">
        <li>DevTools Performance panel (sampling, whole page)</li>
        <li><code>console.profile()</code>, <code>performance.mark()</code> / <code>measure()</code></li>
      </ul>`,
    notes: html`<p>The panel summarises every variant of section 3 measured in this visit. If some were not run, it says so.</p>`,
  },
];
