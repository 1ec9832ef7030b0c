import { html, type SlideSpec } from '../src/deck/slide.ts';
import { code } from '../src/deck/sources.ts';

const MT = [3, 0];
const CONCEPTS = [3, 0, 0];
const JS = [3, 0, 1];
const DM = [3, 1];
const SHARE = [3, 1, 0];
const RACE = [3, 1, 1];

export const parallelSlides: SlideSpec[] = [
  {
    ids: CONCEPTS,
    body: html`
      <div class="cols">
        <div>
          <h3>Processes</h3>
          <ul class="dense">
            <li class="fragment">More of them come from a <strong>fork</strong> (a copy of the running program) or a freshly started child</li>
            <li class="fragment">Walled off by the OS: <strong>nothing is shared</strong> unless asked for; a crash stays inside</li>
            <li class="fragment">Data cross the wall by <strong>inter-process communication</strong>: pipes, sockets, files, MPI messages, or a memory segment both sides map on purpose (<strong>shared memory</strong>)</li>
          </ul>
        </div>
        <div>
          <h3>Threads</h3>
          <ul class="dense">
            <li class="fragment">Several flows of execution <strong>inside one process</strong>, started with a <strong>spawn</strong></li>
            <li class="fragment">One address space: any thread reads and writes any variable, nothing to copy</li>
            <li class="fragment">Cheaper to start and to feed than processes, and more dangerous:
              <ul>
                <li>two threads on one datum at once: a <strong>race</strong></li>
                <li>threads waiting on each other for ever (deadlock), or never served (starvation)</li>
                <li>coordination by <strong>locks</strong> (mutexes), semaphores, <strong>barriers</strong></li>
              </ul>
            </li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The classic OS picture, independent of any language. Isolation by default (processes) against sharing by default (threads).</p>
      <p>Define the words briefly: a race is a result that depends on timing; a deadlock is two threads each waiting for a lock the other holds; a barrier makes everybody wait until all have arrived.</p>`,
  },
  {
    ids: JS,
    body: html`
      <h3>One thread per agent, and an event loop</h3>
      <ul>
        <li class="fragment">Each page (and each worker) is an <strong>agent</strong> with one thread running JavaScript</li>
        <li class="fragment">The <strong>event loop</strong> takes one task at a time (a click handler, a timer, a message) and runs it to completion; the page repaints between tasks</li>
        <li class="fragment">So a long task <strong>freezes</strong> the page: no clicks, no scrolling, no animation until it returns</li>
        <li class="fragment">Python needs a global lock (the GIL) to keep its threads from racing; JavaScript avoids the question: inside an agent there is nobody to race with</li>
      </ul>`,
    notes: html`<p>Contrast with the notebook: Python has threads but the GIL lets only one run Python code at a time. JavaScript has no threads inside an agent at all, so no lock is needed, and also no parallelism.</p>
      <p>Long tasks: Chrome flags anything over 50 ms as a long task in DevTools.</p>`,
  },
  {
    ids: JS,
    body: html`
      <h3>Web Workers, SharedArrayBuffer, Atomics</h3>
      <ul class="dense">
        <li class="fragment"><strong>Web Workers</strong> are separate agents: their own heap, their own event loop, no access to the page. More like processes than threads</li>
        <li class="fragment">They talk with <code>postMessage</code>: data are <strong>copied</strong> (structured clone), or <strong>transferred</strong> (ownership moves, the sender loses it)</li>
        <li class="fragment"><code>SharedArrayBuffer</code> is real shared memory between agents; <code>Atomics</code> gives atomic operations and wait/notify to build locks and barriers</li>
        <li class="fragment">Only in a <strong>cross-origin-isolated</strong> page (COOP + COEP headers), a Spectre-era rule: look at the badge in the corner</li>
        <li class="fragment"><code>navigator.hardwareConcurrency</code> counts <em>logical</em> cores (hyper-threads and efficiency cores included), possibly capped by the browser: our pool's default size</li>
        <li class="fragment">Compiled code can share too: WebAssembly threads use a shared <code>WebAssembly.Memory</code> across workers</li>
      </ul>`,
    notes: html`<p>This page sends the isolation headers itself in development and preview; the static build gets them from its service worker. If the badge says "no", the shared-memory variants are disabled with an explanation.</p>
      <p>hardwareConcurrency is the number of logical processors: a core with SMT (hyper-threading) counts twice, and slow efficiency cores count like fast ones. Browsers may also cap or round it for privacy, so treat it as a hint, not a measurement.</p>
      <p>The notebook halved its core count on purpose, to stay off hyper-threads and efficiency cores and keep every process on the same kind of core. We cannot ask the browser which cores are which. Our pool holds one worker per reported logical core and each parallel panel uses as many as its workers field says (2 unless changed): try the reported count, then half of it, and see which gives faster and steadier times.</p>`,
  },
  {
    ids: JS,
    bench: { id: 'freeze-demo', kind: 'freeze', dataset: 'lowL' },
    body: html`
      <h3>See the freeze</h3>
      <p>The same naive kernel, twice, while an animation runs:</p>
      <ol class="dense">
        <li class="fragment"><strong>On the main thread:</strong> the animation stops until the product is done; clicks wait</li>
        <li class="fragment"><strong>In a worker:</strong> the animation keeps going; the page stays responsive; the result arrives as a message</li>
      </ol>
      <p class="fragment">Lesson one of parallel work in the browser: even with a single worker, moving heavy work off the main thread is worth it.</p>`,
    notes: html`<p>Demo: press the main-thread button and try to click or scroll during the run; then the worker button. Keep the size small so the freeze lasts only a moment.</p>`,
  },
  {
    ids: MT,
    body: html`
      <div class="split">
        <div>${code('pool-element', 'src/parallel/variants.ts')}</div>
        <div class="dense">
          <h3>A pool of workers, one task per element</h3>
          <ul>
            <li>A new worker is a new agent (heap, event loop, its module fetched and compiled): not free (the panel below prints what starting the pool took here). Make a <strong>pool once</strong> (one per logical core), reuse it</li>
            <li class="fragment">Comlink turns <code>postMessage</code> into ordinary async calls</li>
            <li class="fragment">Tasks are grouped into <strong>chunks</strong> so that each message carries many elements</li>
            <li class="fragment">Still, each element is only $l$ multiply-adds, while its row and column travel as messages: next slide, we measure what that costs</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The notebook's multiprocessing Pool with imap and a chunk size, in worker form. The pool lives in src/pool/pool.ts and is created before anything is timed.</p>
      <p>Point at packElements: for every element, a row of A and a column of B are copied into the message. That is 2·l numbers sent for l multiply-adds.</p>`,
  },
  {
    ids: MT,
    bench: { id: 'pool-element', variants: ['naive', 'pool-element', 'pool-row'], datasets: 'lowL,highL', samples: '5', workers: '2', chunk: '100' },
    body: html`
      <h3>Tiny tasks drown in overhead</h3>
      <ul class="dense">
        <li>Per-element tasks on two workers, against the naive loop on one thread and <code>pool-row</code> (a block of rows per worker, next slide)</li>
        <li class="fragment"><strong>Chunk size</strong> = elements per message. At 100, the low-$l$ product takes 800 round trips, each worth only 1000 multiply-adds</li>
        <li class="fragment">Raise it (1000, 10000) or empty the field (auto: one chunk per worker) and run again: fewer messages, less overhead</li>
        <li class="fragment">Even the biggest chunks stay slow: every element still ships $2l$ numbers to do $l$ multiply-adds, and packing and copying them costs far more than the arithmetic</li>
      </ul>`,
    notes: html`<p>Run on lowL first with the chunk size at 100: the per-element pool should come out well behind everything else, naive included. Then try 1000 and an empty field to show the message count falling (the note under the table says how many messages one product took).</p>
      <p>The point is not the exact figure but the ratio of work per message to the cost of a message. Switching to highL makes each element worth 10000 multiply-adds, yet the copies grow with it, so the per-element pool still loses.</p>`,
  },
  {
    ids: MT,
    body: html`
      <div class="split">
        <div>${code('pool-row', 'src/parallel/variants.ts')}</div>
        <div class="dense">
          <h3>Rows, one block per worker</h3>
          <ul>
            <li>The rows of $C$ are cut into one block of $\lceil m/W\rceil$ rows per worker, as the notebook's chunk size did: $W$ messages for $W$ workers</li>
            <li class="fragment">Each message carries $\lceil m/W\rceil\cdot n\cdot l$ multiply-adds of work; but all of $B$ still has to reach every worker</li>
            <li class="fragment">Rule of thumb: make each task heavy compared with the cost of sending it</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Compare the messages: ⌈m·n / chunk⌉ for pool-element, W for pool-row (one block of rows per worker, W = workers used). The worker computes its block with rowsInto, in i-k-j order, so every inner loop runs along a row of B.</p>
      <p>The next slide adds the compiled, parallel whole product.</p>`,
  },
  {
    ids: MT,
    body: html`
      <div class="split">
        <div>${code('parallel-wasm', 'src/wasm/assembly/parallel.ts')}</div>
        <div class="dense">
          <h3>Compiled <em>and</em> parallel</h3>
          <ul>
            <li>Every worker runs the same WebAssembly module on one shared memory</li>
            <li class="fragment">Each takes a band of rows of $C$: the loop over $i$ is split, as numba's <code>prange</code> did</li>
            <li class="fragment">No per-task messages: one start signal and one "done" per worker</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>This is the closest browser equivalent of numba's parallel=True with prange: compiled loops, split across threads, on shared data.</p>`,
  },
  {
    ids: MT,
    body: html`
      <div class="split">
        <div>${code('parallel-tuned', 'src/parallel/variants.ts')}</div>
        <div class="dense">
          <h3>The tuned kernel, on every core</h3>
          <ul>
            <li><code>parallel-tuned</code>: the packed, register-tiled FMA kernel of 3.2.4, one band of rows per worker, on one shared WebAssembly memory</li>
            <li class="fragment">Bands are cut in whole tiles of five rows, so no worker runs a ragged edge in the middle</li>
            <li class="fragment">Each worker packs into its own scratch region of the shared memory: nothing is copied by message, and nobody writes where another reads</li>
            <li class="fragment">Its table row shows % of the peak that all the workers together reach, measured the same way as for one core</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Both parallel compiled variants share memory; the difference is the kernel. parallel-wasm keeps the simple i-k-j loop so the prange analogy stays readable; parallel-tuned is the fast one.</p>
      <p>Each worker packs the whole of B for its band: with two workers that is two copies of the packing work, which small products feel. Ask the panel on the next slide whether the 2-worker time is half the 1-worker time, and at what size.</p>`,
  },
  {
    ids: MT,
    bench: { id: 'pool', kind: 'speedup', variants: ['pool-row', 'parallel-wasm', 'parallel-tuned'], m: '200', l: '2000', n: '400', samples: '5', workers: '2' },
    body: html`
      <h3>Did it scale?</h3>
      <p>With $T_1$ the time on one worker and $T_p$ on $p$ workers:</p>
      $$S(p) = \frac{T_1}{T_p} \qquad E(p) = \frac{S(p)}{p}$$
      <p class="fragment">If a fraction $f$ of the work runs in parallel, Amdahl's law bounds the speedup:</p>
      <div class="fragment">$$S(p) \le \frac{1}{(1-f) + f/p}$$</div>
      <p class="fragment dense">Per-row tasks and the two compiled parallel products: time and speedup against the number of workers. (Per-element tasks come back, over shared memory, in 4.2.)</p>`,
    notes: html`<p>Run the panel, then change the worker count. Efficiency near 1 means every worker is busy with useful work. Ask: which of the two stays closer to 1 as workers are added? pool-row sends one more copy of B for every worker; parallel-wasm sends none.</p>
      <p>And what is the most we can hope for? hardwareConcurrency counts logical cores: on 2 cores with SMT it says 4, and the two threads of a core share its arithmetic units. Whether the third and fourth workers add a little or nothing is for the panel to show.</p>`,
  },
  {
    ids: SHARE,
    body: html`
      <h3>What a message costs</h3>
      <p>Behind every call into a worker, a round trip:</p>
      <ol>
        <li class="fragment"><code>postMessage</code> turns the arguments into bytes (<strong>structured clone</strong>). Code never travels: the worker imported its module when it started</li>
        <li class="fragment">The message waits in the worker's task queue until its event loop is free</li>
        <li class="fragment">The worker <strong>rebuilds</strong> the arguments in its own heap, then runs the function</li>
        <li class="fragment">The result makes the same trip back, and a promise resolves on our side</li>
      </ol>`,
    notes: html`<p>This is what Python's multiprocessing does under the hood with pickle; in the browser it is structured clone. Comlink just wraps these four steps in a promise.</p>`,
  },
  {
    ids: SHARE,
    body: html`
      <div class="split">
        <div>${code('messages', 'src/parallel/messages.ts')}</div>
        <div class="dense">
          <h3>Three ways to hand over a buffer</h3>
          <ul>
            <li><strong>clone:</strong> pass the <code>ArrayBuffer</code>; the worker gets a copy</li>
            <li class="fragment"><strong>transfer:</strong> list it as transferable; afterwards the sender's buffer has length 0</li>
            <li class="fragment"><strong>share:</strong> a <code>SharedArrayBuffer</code>; both sides see the same bytes</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The exact code the next panel times. Point at senderByteLengthAfter: it proves the transfer really moved the buffer (0 bytes left) while clone and share leave it in place.</p>`,
  },
  {
    ids: SHARE,
    bench: { id: 'transfer-cost', kind: 'messages', datasets: 'big,highL', m: '200', l: '10000', n: '400', dtype: 'f32', samples: '5' },
    body: html`
      <h3>Copy, transfer or share?</h3>
      <ul class="dense">
        <li class="fragment"><strong>Copy</strong> (structured clone): time and memory grow with the data, and again for every worker that gets it</li>
        <li class="fragment"><strong>Transfer</strong>: nearly free, but the sender loses the buffer; only one owner at a time</li>
        <li class="fragment"><strong>Share</strong> (<code>SharedArrayBuffer</code>): sent once, never copied; starting a task costs the same whatever the data size</li>
        <li class="fragment">Shared data need synchronisation and can suffer from cache effects between cores</li>
        <li class="fragment">No general winner: the size of the data and how the workers use it decide. Measure</li>
      </ul>`,
    notes: html`<p>Demo: the panel times sending one buffer of a chosen size to a worker and back, three ways. Increase the size and watch the copy grow while the share stays flat.</p>`,
  },
  {
    ids: RACE,
    bench: { id: 'race-demo', kind: 'race', workers: '2' },
    body: html`
      <h3>Two agents, one location</h3>
      <ol class="dense">
        <li class="fragment"><strong>Both write:</strong> one update can wipe out the other (a read-modify-write like <code>++</code> loses counts)</li>
        <li class="fragment"><strong>One writes, one reads:</strong> the write lands; what the reader gets, old, new or half of each, is luck</li>
        <li class="fragment"><strong>Both read:</strong> harmless, nobody changes a thing</li>
      </ol>
      <p class="fragment">Python's <code>mp.Array</code> comes with a lock unless told <code>lock=False</code>. A <code>SharedArrayBuffer</code> has none: safety is opt-in, with <code>Atomics.add</code> or a lock built on <code>Atomics.wait</code> / <code>notify</code>, which admits one agent at a time: correct, but serial.</p>`,
    notes: html`<p>Demo: several workers increment one shared counter many times, in chunks of the code shown on the next slide. With plain ++ the total comes out wrong; with Atomics.add it is exact. The panel shows both totals against the expected one, and whether the workers' loops actually ran at the same time: a worker that finishes its share early keeps going until it has seen the others move. If the plain total is exact, the panel says why (the OS ran the workers one after the other, or plain luck); it never means the code is safe.</p>`,
  },
  {
    ids: RACE,
    body: html`
      <div class="split">
        <div>${code('race', 'src/parallel/race-kernels.ts')}</div>
        <div class="dense">
          <h3>Do we need a lock on $C$?</h3>
          <ul>
            <li class="fragment">$A$, $B$: every worker reads, none writes. Both read: harmless</li>
            <li class="fragment">$C$: every worker writes. Both write?</li>
            <li class="fragment">Only if two workers hit the same $c_{ij}$, and they never do: each task owns its elements or rows</li>
            <li class="fragment"><strong>No lock</strong> (the notebook had to switch <code>mp.Array</code>'s off; here there is none). What we need is a barrier: read $C$ after every worker has said "done"</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The code on the left is the race demo's kernel: the unsafe and the atomic increment side by side.</p>
      <p>Then reason about C: disjoint writes are race-free. That is what the shared variants rely on.</p>`,
  },
  {
    ids: DM,
    body: html`
      <h3>A product that hurts to copy</h3>
      <ul>
        <li>The notebook's heavy case: $A$ is $200\times 100\,000$, $B$ is $100\,000\times 400$, float32</li>
        <li class="fragment">$A$ takes $76$ MiB, $B$ $153$ MiB: handing $B$ to each worker by message costs $153$ MiB per worker</li>
        <li class="fragment">In place instead: $A$, $B$, $C$ sit in <code>SharedArrayBuffer</code>s; workers read $A$ and $B$ and fill their own part of $C$</li>
        <li class="fragment">Tasks as ranges of elements, or as one block of rows per worker, against the message-passing version</li>
      </ul>
      <p class="fragment muted">At full size $A$, $B$ and $C$ alone need about $229$ MiB, and a run of the next panel multiplies at least $24$ such products ($4$ variants, a cold call and $5$ samples each) after a reference of $8\cdot 10^9$ multiply-adds. So the panel starts at $l = 10\,000$, a tenth of the work; set $l = 100\,000$ for the real case, which fits in memory with $2$ workers.</p>`,
    notes: html`<p>Sizes are arithmetic, in binary units as the panels print them: 200·100000·4 bytes = 80 000 000 B ≈ 76 MiB, 100000·400·4 = 160 000 000 B ≈ 153 MiB, and C adds 320 000 B. The panel refuses sizes beyond its memory budget with a message.</p>
      <p>The memory guard counts pool-row's copy of B once per worker: at full size it needs 0.82 GiB of the 1 GiB budget with 2 workers, 0.97 GiB with 3, and from 4 workers on it is refused, the result naming the 153 MiB each worker would hold. The shared variants copy nothing per worker. The big set holds one data sample where the notebook drew three: a second would cost another 229 MiB and another full reference.</p>`,
  },
  {
    ids: DM,
    body: html`
      <div class="cols">
        <div>${code('shared-element', 'src/parallel/tasks.ts')}</div>
        <div>${code('shared-row', 'src/parallel/tasks.ts')}</div>
      </div>`,
    notes: html`<p>Left: a task is a range of elements, written straight into shared C. Right: each worker gets one block of rows. No result travels back as a message: only "done".</p>`,
  },
  {
    ids: DM,
    bench: { id: 'shared', variants: ['pool-row', 'shared-element', 'shared-row', 'parallel-wasm'], datasets: 'big', m: '200', l: '10000', n: '400', dtype: 'f32', samples: '5', workers: '2' },
    body: html`
      <h3>Shared against messages</h3>
      <ul>
        <li>Time per product for: a block of rows per worker with messages (<code>pool-row</code>), shared element ranges, shared row blocks, compiled parallel</li>
        <li class="fragment">Memory: what each variant copies per call</li>
        <li class="fragment">Every product is still checked, against a float64 reference made in the workers</li>
      </ul>`,
    notes: html`<p>Run at the default size first, then change l and the worker count. Ask the room first: which wins, and why?</p>
      <p>Points to weigh: pool-row copies B once per worker, but its arithmetic grows with l just as fast as the copy, so its copy-to-work ratio, (m·l + W·l·n) / (m·l·n) = 1/n + W/m, depends on the number of workers W and on m and n, not on l. shared-row runs the same row code as pool-row (rowsInto, i-k-j) with no copy at all. shared-element reads each column of B with a stride of n, like the naive loop, and may well lose to pool-row although it copies nothing. parallel-wasm adds SIMD, so it is not a like-for-like opponent.</p>`,
  },
];
