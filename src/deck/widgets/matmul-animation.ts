// Our own animation for 1.1: steps through every c_ij, highlighting row i of A
// and column j of B, then their element-wise products, then the sum.
// Rendering only: the step logic lives in matmul-steps.ts.
import { elementTerms, filledBefore, matmulSteps, type Step } from './matmul-steps.ts';

const SVG = 'http://www.w3.org/2000/svg';
// Small example values (not measurements), chosen so sums stay two-digit.
const M = 3, L = 4, N = 3;
const A = [1, 2, 0, 3, 2, 1, 1, 0, 0, 3, 2, 1];
const B = [2, 1, 0, 0, 1, 3, 1, 2, 1, 3, 0, 2];
const CELL = 44;
const GAP = 16;

interface Cell { rect: SVGRectElement; text: SVGTextElement }

function grid(
  svg: SVGSVGElement, rows: number, cols: number, x0: number, y0: number, label: string, cls: string,
  labelSide: 'left' | 'right' = 'left',
): Cell[] {
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('class', `mat ${cls}`);
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', String(x0 + c * CELL));
      rect.setAttribute('y', String(y0 + r * CELL));
      rect.setAttribute('width', String(CELL - 4));
      rect.setAttribute('height', String(CELL - 4));
      rect.setAttribute('rx', '5');
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', String(x0 + c * CELL + (CELL - 4) / 2));
      text.setAttribute('y', String(y0 + r * CELL + (CELL - 4) / 2 + 7));
      text.setAttribute('text-anchor', 'middle');
      g.append(rect, text);
      cells.push({ rect, text });
    }
  const name = document.createElementNS(SVG, 'text');
  name.setAttribute('class', 'mat-name');
  // C sits right of A, so its name goes on its right to stay clear of A's last column.
  name.setAttribute('x', String(labelSide === 'left' ? x0 - 10 : x0 + cols * CELL + 6));
  name.setAttribute('y', String(y0 + 18));
  name.setAttribute('text-anchor', labelSide === 'left' ? 'end' : 'start');
  name.textContent = label;
  g.append(name);
  svg.append(g);
  return cells;
}

/** Mount the animation into one `.matmul-animation` element. Returns a disposer. */
export function mountMatmulAnimation(host: HTMLElement): () => void {
  const steps = matmulSteps(M, N);
  const ax = 60, bx = ax + L * CELL + GAP, top = L * CELL + GAP; // B sits above C, A left of C
  const width = bx + N * CELL + 34;
  const height = top + M * CELL + 10;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Matrix product animation: row i of A times column j of B gives c_ij');
  const aCells = grid(svg, M, L, ax, top, 'A', 'a');
  const bCells = grid(svg, L, N, bx, 0, 'B', 'b');
  const cCells = grid(svg, M, N, bx, top, 'C', 'c', 'right');
  aCells.forEach((c, idx) => (c.text.textContent = String(A[idx])));
  bCells.forEach((c, idx) => (c.text.textContent = String(B[idx])));

  const caption = document.createElement('p');
  caption.className = 'anim-caption';
  caption.setAttribute('aria-live', 'polite');
  const controls = document.createElement('div');
  controls.className = 'anim-controls';
  const mk = (label: string, title: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    controls.append(b);
    return b;
  };
  const back = mk('◀', 'Step back');
  const play = mk('▶ Play', 'Play or pause');
  const next = mk('▶|', 'Step forward');
  const note = document.createElement('span');
  note.className = 'muted anim-note';
  note.textContent = 'example values';
  controls.append(note);
  host.replaceChildren(svg, caption, controls);

  let at = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  const draw = (step: Step) => {
    const filled = filledBefore(step, N);
    const { products, sum } = elementTerms(A, B, L, N, step.i, step.j);
    aCells.forEach((c, idx) => c.rect.classList.toggle('hl', Math.floor(idx / L) === step.i));
    bCells.forEach((c, idx) => c.rect.classList.toggle('hl', idx % N === step.j));
    aCells.forEach((c, idx) => c.rect.classList.toggle('mul', step.phase !== 'select' && Math.floor(idx / L) === step.i));
    bCells.forEach((c, idx) => c.rect.classList.toggle('mul', step.phase !== 'select' && idx % N === step.j));
    cCells.forEach((c, idx) => {
      const i = Math.floor(idx / N), j = idx % N;
      const done = filled(i, j);
      c.text.textContent = done ? String(elementTerms(A, B, L, N, i, j).sum) : '';
      c.rect.classList.toggle('target', i === step.i && j === step.j);
      c.rect.classList.toggle('done', done);
    });
    const sub = `${step.i}${step.j}`;
    const pairs = Array.from({ length: L }, (_, k) => `${A[step.i * L + k]}·${B[k * N + step.j]}`);
    caption.textContent =
      step.phase === 'select'
        ? `c${sub}: take row ${step.i} of A and column ${step.j} of B`
        : step.phase === 'multiply'
          ? `multiply element-wise: ${pairs.join(', ')} → ${products.join(', ')}`
          : `reduce with a sum: c${sub} = ${products.join(' + ')} = ${sum}`;
    host.dataset.step = String(at);
  };
  const go = (to: number) => {
    at = (to + steps.length) % steps.length;
    draw(steps[at]!);
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.textContent = '▶ Play';
  };
  const start = () => {
    stop();
    timer = setInterval(() => go(at + 1), 1100);
    play.textContent = '❚❚ Pause';
  };
  play.addEventListener('click', () => (timer === undefined ? start() : stop()));
  next.addEventListener('click', () => { stop(); go(at + 1); });
  back.addEventListener('click', () => { stop(); go(at - 1); });
  go(0);

  // Autoplay only while visible, and never for viewers who asked for reduced motion.
  let observer: IntersectionObserver | undefined;
  if (!reduced && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      const visible = entries.some((e) => e.isIntersecting);
      if (visible && timer === undefined && host.dataset.userPaused !== '1') start();
      if (!visible) stop();
    });
    observer.observe(host);
    play.addEventListener('click', () => (host.dataset.userPaused = timer === undefined ? '1' : '0'));
  }
  return () => { stop(); observer?.disconnect(); };
}

export function mountMatmulAnimations(root: ParentNode): Array<() => void> {
  return Array.from(root.querySelectorAll<HTMLElement>('.matmul-animation')).map(mountMatmulAnimation);
}
