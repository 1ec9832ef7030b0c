import { html, type SlideSpec } from '../src/deck/slide.ts';
import { code } from '../src/deck/sources.ts';

const SEC = [2];
const ARR = [2, 0];
const IDX = [2, 0, 0];
const BC = [2, 0, 1];
const SIMD = [2, 1];
const DT = [2, 1, 0];
const GPU = [2, 1, 1];
const LAY = [2, 1, 2];
const TUNE = [2, 1, 3];

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
            <li class="fragment">Think in whole <strong>arrays</strong>: a vector or a matrix is one value, its elements are someone else's business</li>
            <li class="fragment">One call covers every element: <code>multiply(a, b)</code>, <code>sum(a)</code></li>
            <li class="fragment muted">If it feels odd at first, that is normal</li>
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
    bench: { id: 'element-vectorised', variants: ['naive', 'element-vectorised'], datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Did it help?</h3>
      <p>Naive loops against the element-wise product + sum, on both shapes.</p>
      <ul class="dense">
        <li class="fragment">Each element now allocates a product array and a copied column: extra work the naive loop never did</li>
        <li class="fragment">In Python the loop over $k$ leaves the interpreter here. V8 had compiled our naive loop already: is anything left to gain, or does the allocation turn it into a loss?</li>
        <li class="fragment">Measure; do not assume</li>
      </ul>`,
    notes: html`<p>Demo: run the panel. Read the median and the spread; check that both variants are marked correct.</p>
      <p>If the vectorised version is slower, that is the lesson: the style is not free when the engine already compiles your loops.</p>`,
  },
  {
    ids: ARR,
    body: html`
      <h3>Can the loops over $i$ and $j$ go too?</h3>
      <p class="fragment">They can: array libraries offer two classic tricks for it.</p>
      <ul>
        <li class="fragment"><strong>Indexing:</strong> build arrays of indices that say which rows and columns to fetch, then gather them all in one call (3.1.1)</li>
        <li class="fragment"><strong>Broadcasting:</strong> let an axis of size 1 stand for as many repeats as the other operand needs (3.1.2)</li>
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
    bench: { id: 'indexing', variants: ['naive', 'element-vectorised', 'indexing'], datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Small shapes fine, large shapes ruinous</h3>
      <p>The gather pays for "no loops" in <strong>copies</strong>: row $i$ of $A$ is stored again for each of the $n$ columns, column $j$ of $B$ again for each of the $m$ rows.</p>
      $$\text{extra} \approx 3\,m\,n\,l \times \text{bytes per element}$$
      <ul class="dense">
        <li class="fragment">low $l$, float64: $3\cdot 200\cdot 400\cdot 10\cdot 8$ B $\approx 18$ MiB, for inputs of $47$ KiB</li>
        <li class="fragment">high $l$, float64: $3\cdot 20\cdot 40\cdot 10\,000\cdot 8$ B $\approx 183$ MiB</li>
        <li class="fragment">The multiply and the sum then have to stream through all of it</li>
      </ul>
      <p class="fragment">How do we keep "no loops" without the copies?</p>`,
    notes: html`<p>The byte counts are arithmetic from the shapes: gathered rows, gathered columns and their product, m·n·l elements each, in binary MiB as the panel prints them. The panel shows the exact extra bytes the variant reports next to its time (a little more: the index arrays, the transposed B and the sums).</p>
      <p>Run both shapes: low l should look reasonable, high l clearly worse, and bigger shapes are refused by the memory budget.</p>`,
  },
  {
    ids: BC,
    body: html`
      <h3>What is broadcasting?</h3>
      <ul>
        <li>Element-wise operations want operands of one shape; <strong>broadcasting</strong> is the rule that still lets certain mismatched shapes through</li>
        <li class="fragment">Take $A_{(m,l)}$, $B_{(l,n)}$ and a vector $v_{(l)}$</li>
        <li class="fragment">$A \cdot v$ is legal: $v$ lines up with the last axis of $A$, so every row of $A$ is scaled by $v$, column $k$ by $v_k$</li>
        <li class="fragment">$B \cdot v$ is not: its last axis has $n$ elements, $v$ has $l$. Stand $v$ up as an $(l, 1)$ column and it is: row $k$ of $B$ is scaled by $v_k$</li>
        <li class="fragment">Nothing is copied: the stretched axis simply re-reads the same values</li>
      </ul>`,
    notes: html`<p>Draw it: A·v lays v over each row of A. For B, v standing as a column (l, 1) lays over each column.</p>
      <p>The "nothing copied" bullet is the whole point compared with indexing: repetition is an index trick (stride 0), not a copy.</p>`,
  },
  {
    ids: BC,
    body: html`
      <h3>The rules</h3>
      <p>Write the two shapes one above the other and compare them axis by axis. Each pair of sizes must be:</p>
      <ul>
        <li class="fragment"><strong>equal</strong>: that axis is used as it is, or</li>
        <li class="fragment"><strong>1</strong> on one side: that side is read again for every index of the other</li>
      </ul>
      <p class="fragment">Any other pair is an error. A shape with fewer axes is padded with 1s <em>in front</em> first: allowed, but $(l)$ against $(l, n)$ pairs $l$ with $n$, the $B\cdot v$ surprise of the previous slide.</p>
      <p class="fragment callout">Our habit: write every reshape out, like $(m, l, 1)$ and $(1, l, n)$, so both shapes have as many axes and the pairs can be read off.</p>`,
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
    bench: { id: 'broadcasting', variants: ['naive', 'element-vectorised', 'indexing', 'broadcasting'], datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Broadcasting against the others</h3>
      <ul>
        <li>Loops gone, and no replicated inputs</li>
        <li class="fragment">Still one $m\cdot l\cdot n$ temporary: $8\cdot 200\cdot 10\cdot 400$ B $\approx 6.1$ MiB for low $l$ in float64</li>
        <li class="fragment">Compare with the naive, element-wise and indexing versions on both shapes</li>
      </ul>`,
    notes: html`<p>Demo: run all four array-programming variants in one panel. Ask first: does broadcasting beat indexing, and by more on high l, where indexing copies most? Against the plain compiled loops it may not win in JavaScript.</p>`,
  },
  {
    ids: ARR,
    bench: { id: 'jit-tiering', kind: 'jit', variants: ['naive', 'element-vectorised', 'wasm-element', 'wasm-whole'], datasets: 'lowL,highL', samples: '10' },
    body: html`
      <h3>Array code, <em>compiled</em>: who does it?</h3>
      <p>The notebook asks numba to compile. V8 compiles every hot function by itself, just in time, in tiers:</p>
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
    bench: { id: 'wasm-compiled', variants: ['naive', 'wasm-element', 'wasm-whole'], datasets: 'lowL,highL', samples: '10' },
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
        <li class="fragment">Source code talks about <strong>elements</strong>; the CPU computes on <strong>registers</strong></li>
        <li class="fragment">A scalar register holds one number. A vector register holds several <strong>lanes</strong>: 128 bits (ARM NEON, SSE) is two doubles or four floats; x86 with AVX2 or AVX-512 has 256 or 512 bits</li>
        <li class="fragment">One SIMD instruction does the same operation in every lane: one <code>f32x4.mul</code>, four products</li>
        <li class="fragment">To feed it, the loop is <em>unrolled</em>: each iteration handles 2, 4, 8… elements
          <ul>
            <li>by hand at a low level (intrinsics, assembly, WebAssembly <code>v128</code>)</li>
            <li>or left to a compiler or a library (BLAS, numpy, TensorFlow.js)</li>
          </ul>
        </li>
        <li class="fragment">The gain depends on the data type and the register width; GPUs go much wider still</li>
      </ul>`,
    notes: html`<p>WebAssembly SIMD is 128 bits wide (v128) on every machine. On x86 with AVX2 or AVX-512, native code can use 256- or 512-bit registers, one reason native BLAS can pull ahead there; most ARM chips, Apple Silicon included, have 128-bit NEON, the same width as wasm. The honest ceiling for this page is the peak it measures with its probe, not a datasheet figure.</p>
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
            <li class="fragment">One multiply and one add update all lanes; eight accumulators stay in registers through one slice of $k$, then go back to $C$ and are reloaded for the next slice (<code>kBlock</code>: a slice of $B$ that fits in cache)</li>
            <li class="fragment">Columns that do not fill a block are done one element at a time</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Scroll through the kernel: a block of 4 rows by 2 vectors of C is computed at once, which is the unrolling the previous slide talked about. The loads need consecutive elements: memory layout (3.2.3) is about exactly that.</p>
      <p>The k loop is cut into slices by kBlock: as many rows of B as fit in 256 KiB, so the slice is still in the core's L2 cache when the next block of rows of C reads it. Between slices the eight accumulators are stored into C and loaded again; with a long l (the big set of 4.2) that is what keeps the kernel from streaming all of B from main memory for every block.</p>`,
  },
  {
    ids: SIMD,
    bench: { id: 'simd', variants: ['wasm-scalar', 'wasm-simd'], datasets: 'lowL,highL', dataset: 'highL', dtype: 'f32', samples: '10' },
    body: html`
      <h3>Scalar against SIMD</h3>
      <ul>
        <li>The same module also exports a scalar twin: same loop structure, one element per instruction</li>
        <li class="fragment">The difference between the two is what the vector lanes buy, on your CPU</li>
        <li class="fragment">WebAssembly SIMD is 128 bits everywhere. Native code on x86 with AVX2 / AVX-512 may use 256 / 512 bits; most ARM chips (Apple Silicon) have 128-bit NEON only. The honest ceiling here is the peak this page measures</li>
      </ul>`,
    notes: html`<p>Run the panel: wasm-scalar against wasm-simd on the same data, both checked. With 2 lanes in f64 and 4 in f32, the ideal gains are 2× and 4×; how close does this CPU get, and is memory traffic what holds it back?</p>
      <p>Do not quote "native would be 2 or 4 times wider" as a fact for every machine: it holds on x86 with AVX2 or AVX-512, not on a 128-bit NEON chip. The peak probe measures what wasm SIMD can do on this core; compare against that.</p>`,
  },
  {
    ids: DT,
    bench: { id: 'dtype', variants: ['naive', 'wasm-scalar', 'wasm-simd'], datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
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
        <li class="fragment">SIMD kernels: twice the lanes per instruction and half the bytes, for less precision. The JS naive loop only stores floats; it still computes in double</li>
        <li class="fragment">GPUs may not offer float64 at all (WebGPU's WGSL has no f64)</li>
        <li class="fragment">Whole numbers have typed arrays of their own (<code>Int32Array</code>, <code>Int8Array</code>), and the lane count follows the width: 4 × i32 or 16 × i8 in a v128. Whether that is faster depends on the instruction, so this deck makes no speed claim for integers: it times floats only</li>
      </ul>`,
    notes: html`<p>Run the same kernels in both types. float32 results are checked with a tolerance that grows with l, as explained in 2.2.</p>
      <p>Plain JavaScript arithmetic is always double precision; a Float32Array only changes the storage, so expect the JS kernels to gain less than the SIMD ones.</p>`,
  },
  {
    ids: GPU,
    body: html`
      <div class="cols">
        <div>
          <h3>From lanes to thousands of invocations</h3>
          <ul class="dense">
            <li><strong>Lane:</strong> one element of a vector operation, as in a <code>v128</code>; a GPU core drives many more lanes with one instruction</li>
            <li class="fragment"><strong>Warp / subgroup:</strong> the lanes that step through the program together, typically 32 or 64 (NVIDIA says warp, AMD wavefront, WGSL subgroup)</li>
            <li class="fragment"><strong>Invocation:</strong> WGSL's word for one thread: the program of <em>one</em> lane, with its own registers</li>
            <li class="fragment"><strong>Workgroup:</strong> invocations that share fast workgroup memory and can wait for each other at a barrier</li>
            <li class="fragment"><strong>Dispatch:</strong> a grid of workgroups; the GPU runs as many at once as fit on its compute units</li>
          </ul>
        </div>
        <div>
          <h3>What changes for us</h3>
          <ul class="dense">
            <li class="fragment">We write the work of one invocation; the GPU runs it for every element of $C$</li>
            <li class="fragment">Lanes of a subgroup share one instruction stream: when they take different branches, both branches run</li>
            <li class="fragment"><strong>WGSL has no float64:</strong> float32 (and float16 with the <code>shader-f16</code> feature). Our GPU variants refuse float64 with that reason</li>
            <li class="fragment">A GPU has its own memory: $A$ and $B$ travel there, $C$ travels back</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Build the hierarchy from the SIMD slide: a lane is what we already know from v128. A subgroup is a hardware SIMD unit seen from the programmer's side; the name differs by vendor. A workgroup is our unit of cooperation (shared memory, barriers); the dispatch is the whole grid.</p>
      <p>The float64 point is why the data-type slide mattered: in WebGPU float32 is not a choice but the only option. Ask for float64 in a panel or with the CLI and the variant refuses with "WGSL has no float64".</p>`,
  },
  {
    ids: GPU,
    body: html`
      <div class="split">
        <div>${code('webgpu-tiled', 'src/gpu/shaders/tiled.wgsl')}</div>
        <div class="dense">
          <h3>The tiled kernel, in WGSL</h3>
          <ul>
            <li>One workgroup computes one tile of $C$: $4\,\mathtt{WG\_Y}$ rows by $4\,\mathtt{WG\_X}$ columns</li>
            <li class="fragment">It walks along $l$ in steps of <code>TILE_K</code>: all invocations copy a tile of $A$ and one of $B$ into workgroup memory, then meet at a barrier</li>
            <li class="fragment">Each invocation keeps a $4\times 4$ block of $C$ in registers: two <code>vec4</code> reads from workgroup memory feed 16 multiply-adds</li>
            <li class="fragment">Outside the matrices the copy stores 0 and the final write is skipped: any $m, l, n$ works</li>
            <li class="fragment"><code>WG_X</code>, <code>WG_Y</code>, <code>TILE_K</code> are override constants, chosen from the device's limits when the pipeline is made</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The naive kernel (src/gpu/shaders/naive.wgsl) gives each invocation one c_ij and reads both operands from GPU memory: two global loads per multiply-add. Tiling is the GPU version of cache blocking: each element copied into workgroup memory is reused by a whole row or column of invocations.</p>
      <p>The two barriers are the point to stress: nobody reads a tile before everyone has written it, nobody overwrites it before everyone has read it. The tile sizes are chosen from the adapter's limits (src/gpu/tiles.ts); the env button shows what this machine chose.</p>`,
  },
  {
    ids: GPU,
    bench: { id: 'gpu-sweep', kind: 'gpu-sweep', variants: ['wasm-simd', 'webgpu-naive', 'webgpu-tiled'], samples: '5', title: 'CPU (wasm-simd) against the GPU, float32' },
    benchWide: true,
    body: html`
      <h3>When does the GPU pay?</h3>
      <ul class="dense">
        <li>Each timed GPU call uploads $A$ and $B$, launches the kernel, waits, and reads $C$ back</li>
        <li class="fragment">For a small product those fixed costs (the trip to the GPU and back, the launch) dwarf the arithmetic: the CPU is done first</li>
        <li class="fragment">Work grows as $n^3$, data only as $n^2$: from some size on the GPU's parallelism wins</li>
        <li class="fragment">Solid lines: the whole call. Dashed: the kernel alone. The gap is the transfer and launch overhead</li>
        <li class="fragment">The same lesson as copy, transfer or share (4.2.1): moving data costs, and pays only when there is enough work per byte</li>
      </ul>
      <p class="small fragment">The first call (shader compile, pipeline) is kept apart in the table. A software adapter is labelled: its timings say nothing about a GPU.</p>`,
    notes: html`<p>Run the sweep. Read where the solid GPU lines cross the CPU line: that is the size from which sending the work to the GPU pays on this machine. The panel prints the crossover it measured, if there is one.</p>
      <p>Browsers without WebGPU show why, and the CPU line still runs. In headless test browsers the adapter is SwiftShader, a CPU emulation: the panel marks those figures as not a GPU timing.</p>`,
  },
  {
    ids: LAY,
    body: html`
      <div class="cols">
        <div>
          <ul class="dense">
            <li>Every multiply-add first fetches its operands, and memory arrives in <strong>cache lines</strong> of several consecutive elements: reading neighbours is cheap, jumping is not</li>
            <li>Addresses run along one line; a matrix has two axes, so one of its directions must be the one with gaps</li>
            <li class="fragment"><strong>Row-major</strong> (C, our typed arrays): $(i, j)$ sits at $i\cdot n + j$, so each row is one unbroken run</li>
            <li class="fragment"><strong>Column-major</strong> (Fortran, BLAS): $(i, j)$ sits at $i + j\cdot m$, so each column is</li>
          </ul>
        </div>
        <div>
          <p class="small">$3\times 3$ matrix, row-major in memory:</p>
          ${strip(names('row'), (k) => `r${Math.floor(k / 3)}${k % 3 === 0 ? ' c0' : ''}`)}
          <p class="small">the same matrix, column-major:</p>
          ${strip(names('col'), (k) => `r${k % 3}${Math.floor(k / 3) === 0 ? ' c0' : ''}`)}
          <p class="muted">Colour: the row of each element; outline: column 0.</p>
          <p class="small fragment"><strong>Walking along the run:</strong> each cache line serves several elements in a row, and a SIMD load takes 2 or 4 at once.<br/><strong>Walking across it:</strong> every element may cost a cache line of its own, and a vector must be assembled lane by lane.</p>
        </div>
      </div>`,
    notes: html`<p>Colours are rows; the outlined cells are column 0. Row-major keeps a row together, column-major a column.</p>
      <p>For c_ij we read a row of A and a column of B. With both row-major, the column of B is strided by n: every element is a separate load and likely a separate cache line.</p>
      <p>Be precise about what the next panel measures: the layout kernels are scalar JavaScript (src/kernels/layout.ts), one element per load. What their chart shows is the cache and stride effect, not SIMD loads; for SIMD the same rule applies on top, since v128.load needs its lanes next to each other.</p>`,
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
    bench: { id: 'layout', variants: ['layout-rr', 'layout-rc', 'layout-cr', 'layout-cc', 'ikj', 'transposed-b'], datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
    body: html`
      <h3>Layouts, measured</h3>
      <ul>
        <li>The four layout combinations on the same data, in float64 and float32: scalar JavaScript, so what differs is cache and stride, not SIMD</li>
        <li class="fragment">Plus two ways to get contiguous access without changing the inputs' layout (next slide)</li>
        <li class="fragment">Converting a layout costs a copy: here it happens in the untimed set-up. In your program it would not be free: sometimes worth it, sometimes not. Measure both</li>
      </ul>`,
    notes: html`<p>Run the panel. Ask first: which combination should win, and which lose? Row × column walks both operands contiguously in k, column × row walks both with a stride. Does the gap show most on the high-l shape, where each dot product is long?</p>`,
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
    ids: TUNE,
    body: html`
      <div class="split">
        <div>${code('tuned-pack', 'src/wasm/assembly/tuned-core.ts')}</div>
        <div>
          <h3>Store the data the way you walk it</h3>
          <ul>
            <li>The layout lesson, taken to its end: before multiplying, copy a block of $B$ into <em>panels</em>, in the exact order the inner kernel will read them</li>
            <li class="fragment">Inside a panel: for each $k$, the next few columns side by side, so every vector load is one contiguous read and the stream never jumps</li>
            <li class="fragment">The last panel is padded with zeros: the hot loop has no edge test at all</li>
            <li class="fragment">The copy costs $l\cdot n$ element moves per product; the multiply costs $m\cdot l\cdot n$ multiply-adds, so the copy pays off as soon as $m$ is more than a few rows</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>This is what every serious matrix library does (BLIS and OpenBLAS call it packing). The kernel on the next slide reads only packed data, front to back.</p>
      <p>Ask the room: the copy is paid on every call here. A library that sees the same B again (a weight matrix) could keep the packed copy. TensorFlow.js does exactly that, which we will see in its row.</p>`,
  },
  {
    ids: TUNE,
    body: html`
      <div class="split">
        <div>${code('tuned-microkernel', 'src/wasm/assembly/tuned-core.ts')}</div>
        <div>
          <h3>A tile of $C$ that lives in registers</h3>
          <ul class="dense">
            <li>A 5 × 8 block of $C$ (float32; 5 × 4 in float64) stays in ten vector registers for a whole panel of $k$</li>
            <li class="fragment">Per step: two loads of $B$, five broadcasts of $A$, ten multiply-adds; each loaded value is used five or eight times</li>
            <li class="fragment">Why 5 × 8: x86 has 16 vector registers; 10 accumulators + 2 $B$ vectors + 1 broadcast fit. 4 × 8 reuses each $B$ vector less and was slower when we compared; 6 × 8 was no faster</li>
            <li class="fragment"><strong>FMA</strong> (<code>relaxed_madd</code>): one instruction, two flops, one rounding; detected at load time, else a multiply and an add. The table names the build</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The register budget is the design constraint. Count with the room: 10 accumulators + 2 B vectors + 1 broadcast = 13 of 16. Spill one and every step pays a memory round trip.</p>
      <p>The comparison of tiles was done once, on the authors' machine, in interleaved runs; it is a reason for the choice, not a promise for yours. The live panel on the slide after next measures this kernel here.</p>
      <p>FMA changes the rounding slightly (one rounding instead of two); the allclose check still passes, which the table shows for every run.</p>`,
  },
  {
    ids: TUNE,
    body: html`
      <div class="split">
        <div>${code('tuned-blocking', 'src/wasm/assembly/tuned-core.ts')}</div>
        <div>
          <h3>Blocks that stay in cache</h3>
          <ul>
            <li>$k$ is cut into slices of 256 and the columns into blocks, so one packed block of $B$ (512 KiB at most) stays in the core's L2 cache while every row block of $A$ streams past it</li>
            <li class="fragment">Rows of $A$ go in blocks too, packed five rows at a time, interleaved the way the tile reads them</li>
            <li class="fragment">Edges (rows or columns that do not fill a tile) run the same kernel into a scratch tile, and only the valid corner is copied to $C$</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Three loops around the micro-kernel: columns of B in blocks, k in slices, rows of A in blocks. Each level is sized for one level of cache. None of this changes the arithmetic; it changes how often each byte is fetched from far away.</p>`,
  },
  {
    ids: TUNE,
    bench: { id: 'tuned', variants: ['wasm-simd', 'tuned', 'lib-tfjs'], m: '512', l: '512', n: '512', dtype: 'f32', samples: '5' },
    body: html`
      <h3>Against a real library, and against the machine</h3>
      <ul class="dense">
        <li><strong>lib-tfjs</strong> is the browser's answer to numpy's <code>A @ B</code>: TensorFlow.js's WebAssembly backend, which runs XNNPACK, a hand-tuned kernel library (one thread here, so the comparison with one worker is fair)</li>
        <li class="fragment">It packs $B$ once and keeps the packed copy for later calls with the same tensor; our kernel packs on every call. Its WebAssembly binary has no FMA</li>
        <li class="fragment"><strong>% of peak</strong> in the table: GFLOP/s over what this core can do at most, measured in this page by a probe with many independent multiply-adds and no memory traffic</li>
        <li class="fragment">WebAssembly vectors are 128 bits. On x86 with AVX2 or AVX-512, native BLAS uses 256 or 512 bits and can be several times faster; on 128-bit NEON (most ARM chips) the gap is smaller. The probe measures the ceiling that wasm has here, instead of guessing</li>
      </ul>`,
    notes: html`<p>Run it: wasm-simd, tuned and the library on 512³ float32, every product checked. Read two columns: the speedup over wasm-simd, and the % of peak. Which one is closer to what the hardware allows, and what is left?</p>
      <p>If relaxed SIMD is missing (an older browser), the build column says simd and the peak used is the one without FMA.</p>`,
  },
  {
    ids: SEC,
    body: html`
      <h3>Section 3 in three lessons</h3>
      <ul>
        <li class="fragment">The array style is a tool, not a goal
          <ul>
            <li>the fastest formulation can be hard to see when you reason in $n$-dimensional shapes</li>
            <li>a compiled loop, JIT or wasm, can outrun a version with "no loops"</li>
            <li>above all when the loop-free version gathers copies, as indexing did</li>
          </ul>
        </li>
        <li class="fragment">Pick the element type on purpose: precision you do not need costs bytes and lanes; WGSL has no float64</li>
        <li class="fragment">Store an array in the order you will walk it; when you cannot, weigh one conversion against a strided walk</li>
      </ul>`,
    notes: html`<p>Recap with the charts the audience has seen in this section; the summary panel on the next slide gathers them. Integers are left out on purpose: no panel here times them.</p>`,
  },
  {
    ids: SEC,
    bench: { id: 'summary-vectorisation', kind: 'summary', variants: ['naive', 'naive-plain', 'element-vectorised', 'indexing', 'broadcasting', 'wasm-element', 'wasm-whole', 'wasm-scalar', 'wasm-simd', 'ikj', 'transposed-b', 'layout-rr', 'layout-rc', 'layout-cr', 'layout-cc'], title: 'Section 3 as measured in this visit' },
    benchWide: true,
    body: html`
      <p class="callout warn"><strong>Careful:</strong> everything in this section tunes one array kernel. If that kernel is a small share of the run, even a perfect version saves little, however many days it took.</p>
      <p class="fragment"><strong>Profile the whole program first</strong>, and optimise what the profile shows to be slow:</p>
      <ul class="dense fragment">
        <li>DevTools Performance panel (sampling, whole page)</li>
        <li><code>console.profile()</code>, <code>performance.mark()</code> / <code>measure()</code></li>
      </ul>`,
    notes: html`<p>The panel summarises every variant of section 3 measured in this visit. If some were not run, it says so.</p>`,
  },
];
