// The steps of the 1.1 animation, as data: for each c_ij, select row i of A and
// column j of B, multiply them element-wise, then sum. Pure, so it is testable.

export type Phase = 'select' | 'multiply' | 'sum';

export interface Step {
  readonly i: number;
  readonly j: number;
  readonly phase: Phase;
}

export function matmulSteps(m: number, n: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) for (const phase of ['select', 'multiply', 'sum'] as const) steps.push({ i, j, phase });
  return steps;
}

/** The products a_ik·b_kj of one element and their sum (row-major inputs). */
export function elementTerms(
  A: readonly number[],
  B: readonly number[],
  l: number,
  n: number,
  i: number,
  j: number,
): { products: number[]; sum: number } {
  const products = Array.from({ length: l }, (_, k) => A[i * l + k]! * B[k * n + j]!);
  return { products, sum: products.reduce((s, p) => s + p, 0) };
}

/** Which elements of C are already known before `step` (all earlier (i, j), plus this one once summed). */
export function filledBefore(step: Step, n: number): (i: number, j: number) => boolean {
  const current = step.i * n + step.j;
  return (i, j) => {
    const at = i * n + j;
    return at < current || (at === current && step.phase === 'sum');
  };
}
