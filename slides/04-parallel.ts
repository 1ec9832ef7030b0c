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
            <li class="fragment">A program can <strong>fork</strong>: copy itself into child processes</li>
            <li class="fragment">Each process owns its memory and resources; the <strong>OS keeps them apart</strong></li>
            <li class="fragment">They talk through <strong>inter-process communication</strong>: pipes, files, message queues (MPI), sockets, or an explicitly <strong>shared memory</strong> segment</li>
          </ul>
        </div>
        <div>
          <h3>Threads</h3>
          <ul class="dense">
            <li class="fragment">A process can <strong>spawn</strong> several threads of execution</li>
            <li class="fragment">They share the same memory and resources</li>
            <li class="fragment">Lighter and more powerful, but harder:
              <ul>
                <li>concurrent access to the same data</li>
                <li>race conditions, deadlocks, starvation</li>
                <li>you need <strong>locks</strong> (mutexes), semaphores, <strong>barriers</strong></li>
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
        <li class="fragment"><code>navigator.hardwareConcurrency</code> tells how many logical cores the browser will admit to</li>
        <li class="fragment">Compiled code can share too: WebAssembly threads use a shared <code>WebAssembly.Memory</code> across workers</li>
      </ul>`,
    notes: html`<p>This page sends the isolation headers itself in development and preview; the static build gets them from its service worker. If the badge says "no", the shared-memory variants are disabled with an explanation.</p>
      <p>hardwareConcurrency may be capped by the browser for privacy; treat it as a hint.</p>`,
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
            <li>Starting a worker costs tens of milliseconds: create a <strong>pool once</strong> (one per core), reuse it</li>
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
    bench: { id: 'pool-element', variants: 'naive,pool-element,pool-row', datasets: 'lowL,highL', samples: '5', workers: '2', chunk: '100' },
    body: html`
      <h3>Tiny tasks drown in overhead</h3>
      <ul class="dense">
        <li>Per-element tasks on two workers, against the naive loop on one thread and <code>pool-row</code> (one task per row, next slide)</li>
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
          <h3>One task per row</h3>
          <ul>
            <li>A task computes a whole row of $C$: $n\cdot l$ multiply-adds for one message</li>
            <li class="fragment">Far less overhead per unit of work; $B$ still has to reach every worker</li>
            <li class="fragment">Rule of thumb: make each task heavy compared with the cost of sending it</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>Compare the granularity: m·n tasks before, m tasks now. The next slide adds the compiled, parallel whole product.</p>`,
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
    bench: { id: 'pool', kind: 'speedup', variants: 'pool-row,parallel-wasm', m: '200', l: '2000', n: '400', samples: '5', workers: '2' },
    body: html`
      <h3>Did it scale?</h3>
      <p>With $T_1$ the time on one worker and $T_p$ on $p$ workers:</p>
      $$S(p) = \frac{T_1}{T_p} \qquad E(p) = \frac{S(p)}{p}$$
      <p class="fragment">If a fraction $f$ of the work runs in parallel, Amdahl's law bounds the speedup:</p>
      <div class="fragment">$$S(p) \le \frac{1}{(1-f) + f/p}$$</div>
      <p class="fragment dense">Per-row tasks and the compiled parallel product: time and speedup against the number of workers. (Per-element tasks come back, over shared memory, in 4.2.)</p>`,
    notes: html`<p>Run the panel, then change the worker count. Efficiency near 1 means every worker is busy with useful work; per-element tasks will be far below that.</p>
      <p>On a 2-core machine the best possible speedup is 2; do not expect more from more workers.</p>`,
  },
  {
    ids: SHARE,
    body: html`
      <h3>What a message costs</h3>
      <p>Calling a function in a worker hides a round trip:</p>
      <ol>
        <li class="fragment">The arguments are <strong>serialised</strong> (structured clone); the code is not sent: workers load it from their module</li>
        <li class="fragment">The message is queued to the worker's event loop</li>
        <li class="fragment">The worker <strong>deserialises</strong> the arguments into its own heap and runs the function</li>
        <li class="fragment">The return value is serialised and sent back the same way</li>
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
        <li class="fragment">Which wins depends on the data and on what you do with it: measure</li>
      </ul>`,
    notes: html`<p>Demo: the panel times sending one buffer of a chosen size to a worker and back, three ways. Increase the size and watch the copy grow while the share stays flat.</p>`,
  },
  {
    ids: RACE,
    bench: { id: 'race-demo', kind: 'race', workers: '2' },
    body: html`
      <h3>Two agents, one location</h3>
      <ol class="dense">
        <li class="fragment"><strong>Write / write:</strong> updates get lost or mixed; the result is corrupt</li>
        <li class="fragment"><strong>Write / read:</strong> the writer is fine, the reader may see stale or half-updated data</li>
        <li class="fragment"><strong>Read / read:</strong> safe, nothing changes</li>
      </ol>
      <p class="fragment">Fixes: atomic operations (<code>Atomics.add</code>) or a lock built on <code>Atomics.wait</code> / <code>notify</code>. A lock lets one agent at a time in: correct, but serialised.</p>`,
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
            <li class="fragment">$A$ and $B$ are only <strong>read</strong>: case 3, safe</li>
            <li class="fragment">$C$ is only <strong>written</strong>, by the workers: case 1?</li>
            <li class="fragment">But no two workers ever write the same $c_{ij}$: each owns its elements or rows</li>
            <li class="fragment"><strong>No lock needed.</strong> Only wait until every worker is done (a barrier) before reading $C$</li>
          </ul>
        </div>
      </div>`,
    notes: html`<p>The code on the left is the race demo's kernel: the unsafe and the atomic increment side by side.</p>
      <p>Then reason about C: disjoint writes are race-free. That is what the shared variants rely on.</p>`,
  },
  {
    ids: DM,
    body: html`
      <h3>Time for the big guns</h3>
      <ul>
        <li>$A$: $200\times 100\,000$, $B$: $100\,000\times 400$, in float32</li>
        <li class="fragment">$A$ is $80$ MB, $B$ is $160$ MB: sending $B$ to each worker costs $160$ MB per worker</li>
        <li class="fragment">In place: $A$, $B$ and $C$ live in <code>SharedArrayBuffer</code>s; workers read $A$, $B$ and write their own parts of $C$</li>
        <li class="fragment">Per element and per row, against the message-passing versions</li>
      </ul>
      <p class="fragment muted">$A$, $B$ and $C$ alone take about $240$ MB at full size: choose the size in the panel and start smaller on a laptop.</p>`,
    notes: html`<p>Sizes are arithmetic: 200·100000·4 bytes = 80 MB and 100000·400·4 = 160 MB. The full size needs a lot of memory; the panel refuses sizes beyond its memory budget with a message.</p>`,
  },
  {
    ids: DM,
    body: html`
      <div class="cols">
        <div>${code('shared-element', 'src/parallel/tasks.ts')}</div>
        <div>${code('shared-row', 'src/parallel/tasks.ts')}</div>
      </div>`,
    notes: html`<p>Left: one task per element writing straight into shared C. Right: one task per row. No result travels back as a message: only "done".</p>`,
  },
  {
    ids: DM,
    bench: { id: 'shared', variants: 'pool-row,shared-element,shared-row,parallel-wasm', datasets: 'big', m: '200', l: '10000', n: '400', dtype: 'f32', samples: '5', workers: '2' },
    body: html`
      <h3>Shared against messages</h3>
      <ul>
        <li>Time per product for: per-row with messages, shared per element, shared per row, compiled parallel</li>
        <li class="fragment">Memory: what each variant copies per call</li>
        <li class="fragment">Every result is still checked against the reference</li>
      </ul>`,
    notes: html`<p>Run at a moderate size first, then larger. Expect the shared versions to win more as l grows, because the copies grow with it.</p>`,
  },
];
