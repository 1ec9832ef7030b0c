import { html, type SlideSpec } from '../src/deck/slide.ts';
import { code } from '../src/deck/sources.ts';

const MM = [0, 0];
const CODE = [0, 1];

export const toyProblemSlides: SlideSpec[] = [
  {
    ids: MM,
    body: html`
      <p>Three matrices $A$, $B$, $C$ whose shapes chain together:</p>
      $$A_{(m\times l)} \cdot B_{(l\times n)} = C_{(m\times n)}$$
      <div class="fragment">
        <p>$C$ has one element $c_{ij}$ per row $i$ of $A$ and column $j$ of $B$:</p>
        $$C_{(m\times n)} = \begin{bmatrix}
          c_{00} & \dots & c_{0j} & \dots & c_{0,n-1}\\
          \vdots & \ddots & \vdots & & \vdots\\
          c_{i0} & \dots & c_{ij} & \dots & c_{i,n-1}\\
          \vdots & & \vdots & \ddots & \vdots\\
          c_{m-1,0} & \dots & c_{m-1,j} & \dots & c_{m-1,n-1}
        \end{bmatrix}$$
      </div>
      <div class="fragment">
        <p>and each element is a sum of $l$ products:</p>
        $$c_{ij} = \sum_{k=0}^{l-1} a_{ik}\, b_{kj}$$
      </div>`,
    notes: html`<p>Build the slide in three clicks: the shapes first (the inner sizes must agree, both are l), then the whole of C, then the formula for one element.</p>
      <p>We index from 0 as the code will. The important word is <em>each</em>: every c_ij is independent of every other one. Keep that in mind for section 4.</p>`,
  },
  {
    ids: MM,
    body: html`
      <div class="split">
        <div>
          <h3>For every element $c_{ij}$ of $C$</h3>
          <ol>
            <li class="fragment"><strong>Select</strong> row $i$ of $A$, written $a_{i\cdot}$, and column $j$ of $B$, written $b_{\cdot j}$</li>
            <li class="fragment"><strong>Multiply</strong> them element by element: $a_{i0}b_{0j},\ a_{i1}b_{1j},\ \dots$</li>
            <li class="fragment"><strong>Reduce</strong> the $l$ products to one number with a sum</li>
          </ol>
          <p class="fragment muted">Select, multiply element-wise, reduce: the same three steps come back in every variant of this lecture.</p>
        </div>
        <div class="matmul-animation" aria-label="Animated matrix product"></div>
      </div>`,
    notes: html`<p>The animation steps through all nine elements of a small example (values are made up, not measurements). Row i of A and column j of B light up, then the products, then the sum lands in C.</p>
      <p>Use the buttons to pause and step. With reduced motion turned on in the OS it never plays by itself.</p>`,
  },
  {
    ids: MM,
    body: html`
      <h3>How much work is one product?</h3>
      <p>Each of the $m\cdot n$ elements needs $l$ multiplications and $l$ additions:</p>
      $$\text{flops} = 2\,m\,l\,n$$
      <p class="fragment">A rate that does not depend on the shape, to compare runs:</p>
      <div class="fragment">$$\text{GFLOP/s} = \frac{2\,m\,l\,n}{t_\text{seconds}\cdot 10^{9}}$$</div>
      <p class="fragment">Our two benchmark shapes (section 2.1): $200\times 400$ with $l=10$ is $1.6$ million flops; $20\times 40$ with $l=10\,000$ is $16$ million. Same kind of work, very different shapes.</p>`,
    notes: html`<p>The flop count is arithmetic, not a measurement: 2·200·10·400 = 1.6e6 and 2·20·10000·40 = 1.6e7.</p>
      <p>Later charts show times; this formula turns a time into a rate so that differently shaped runs compare. A modern core can do tens of GFLOP/s; the naive loops will be far from that.</p>`,
  },
  {
    ids: CODE,
    body: html`
      <div class="split">
        <div>${code('naive', 'src/kernels/naive.ts')}</div>
        <div class="dense">
          <ul>
            <li>One function for one element: the loop over $k$ multiplies and sums</li>
            <li>A double loop over $i$ and $j$ fills $C$</li>
            <li class="fragment">Matrices are flat, <strong>row-major</strong> typed arrays: $a_{ik}$ is <code>A[i*l + k]</code>, $b_{kj}$ is <code>B[k*n + j]</code></li>
            <li class="fragment">Walking down a column of $B$ jumps $n$ elements each step: remember this in 3.2.3</li>
            <li class="fragment">This exact code is what the benchmarks run: it is imported from the source file, not copied</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Read the code top-down: matMulElem is the definition of c_ij, matMul is the double loop.</p>
      <p>Stress the index arithmetic: there is no 2-d array type in JavaScript, so we keep one flat Float64Array per matrix and compute offsets. aStart = i·l is where row i starts; bStart = j plus k·n walks the column.</p>
      <p>The <code>!</code> after an index is TypeScript only: the project asks the compiler to treat every indexed read as possibly missing, and the mark says "in range here". It is erased when the code is compiled, so the loop that runs has no extra check.</p>`,
  },
  {
    ids: CODE,
    body: html`
      <div class="split">
        <div>${code('naive-plain', 'src/kernels/naive.ts')}</div>
        <div class="dense">
          <h3>Why typed arrays?</h3>
          <ul>
            <li>A <code>Float64Array</code> is one contiguous block of raw doubles with a fixed element type</li>
            <li>A <code>number[][]</code> is an array of pointers to separate arrays; elements may be boxed and the engine must check their kind</li>
            <li class="fragment">V8 compiles both, but the typed version gives its optimiser fewer surprises and the CPU a predictable memory stream</li>
            <li class="fragment">Typed arrays are also what WebAssembly memory, <code>postMessage</code> transfers and <code>SharedArrayBuffer</code> are made of: everything after section 3 builds on them</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>This is the same algorithm over nested plain arrays, the closest JavaScript gets to "a list of lists" in Python. It is a variant of the benchmark (naive-plain) so you can compare the two live later.</p>
      <p>Do not promise a ratio here; it depends on the engine and the shape. The point is the data representation.</p>`,
  },
];
