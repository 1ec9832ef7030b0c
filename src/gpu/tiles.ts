// Tile sizes of the tiled WebGPU kernel, chosen from the device's limits (never assumed).
// Pure: a limits object in, a choice and the reason for it out.

/** The limits the tiled kernel depends on (a GPUSupportedLimits has all of them). */
export interface TileLimits {
  readonly maxComputeInvocationsPerWorkgroup: number;
  /** Bytes of `var<workgroup>` memory one workgroup may use. */
  readonly maxComputeWorkgroupStorageSize: number;
  readonly maxComputeWorkgroupSizeX: number;
  readonly maxComputeWorkgroupSizeY: number;
}

export interface TileChoice {
  /** Rows of C one workgroup computes (= workgroup[1] · perThread[0]). */
  readonly tileM: number;
  /** Columns of C one workgroup computes (= workgroup[0] · perThread[1]). */
  readonly tileN: number;
  /** Step along l: columns of A and rows of B held in workgroup memory at once. */
  readonly tileK: number;
  /** Invocations per workgroup along x (columns of C) and y (rows of C). */
  readonly workgroup: readonly [x: number, y: number];
  /** Register block of C per invocation: rows × columns. */
  readonly perThread: readonly [rm: number, rn: number];
  /** Workgroup memory the two tiles take, in bytes. */
  readonly workgroupBytes: number;
  /** Why these sizes, in one sentence for the slide or the env panel. */
  readonly reason: string;
}

/**
 * The register block is fixed by the shader (tiled.wgsl): 4 rows × one vec4 of columns.
 * Only the workgroup shape and tileK adapt to the limits.
 */
export const PER_THREAD: readonly [rm: number, rn: number] = [4, 4];

/** Beyond 16×16 invocations a bigger workgroup buys little and costs occupancy. */
const MAX_SIDE = 16;
/** Preferred depth first: fewer barriers per tile; then smaller ones when memory is short. */
const TILE_K_CHOICES = [32, 16, 8, 4] as const;

const F32_BYTES = 4;

function powersOfTwoUpTo(limit: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= Math.min(limit, MAX_SIDE); p *= 2) out.push(p);
  return out;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 1) throw new Error(`chooseTiles: limit ${name} is ${value}; it must be a positive number`);
  return Math.floor(value);
}

/**
 * The largest workgroup within the limits (square preferred: it needs the least
 * workgroup memory per multiply-add), then the deepest tileK whose two tiles fit
 * in workgroup memory. If even tileK = 4 does not fit, the workgroup shrinks.
 */
export function chooseTiles(limits: TileLimits): TileChoice {
  const invocations = positive('maxComputeInvocationsPerWorkgroup', limits.maxComputeInvocationsPerWorkgroup);
  const storage = positive('maxComputeWorkgroupStorageSize', limits.maxComputeWorkgroupStorageSize);
  const maxX = positive('maxComputeWorkgroupSizeX', limits.maxComputeWorkgroupSizeX);
  const maxY = positive('maxComputeWorkgroupSizeY', limits.maxComputeWorkgroupSizeY);
  const [rm, rn] = PER_THREAD;

  const shapes: [number, number][] = [];
  for (const x of powersOfTwoUpTo(maxX)) {
    for (const y of powersOfTwoUpTo(maxY)) if (x * y <= invocations) shapes.push([x, y]);
  }
  // Most invocations first; among equals the squarest; then wider than tall
  // (x runs along the rows of B and C, where neighbouring reads are contiguous).
  shapes.sort(([ax, ay], [bx, by]) =>
    bx * by - ax * ay || Math.abs(Math.log2(ax / ay)) - Math.abs(Math.log2(bx / by)) || bx - ax,
  );

  for (const [x, y] of shapes) {
    const tileM = y * rm;
    const tileN = x * rn;
    for (const tileK of TILE_K_CHOICES) {
      const workgroupBytes = (tileM + tileN) * tileK * F32_BYTES;
      if (workgroupBytes > storage) continue;
      const limited: string[] = [];
      if (x * y < MAX_SIDE * MAX_SIDE) limited.push(`${invocations} invocations, ${maxX}×${maxY} max size`);
      if (tileK < TILE_K_CHOICES[0]) limited.push(`${storage} B of workgroup memory`);
      const reason =
        `${x}×${y} invocations × ${rm}×${rn} results each = ${tileM}×${tileN} tile of C, ` +
        `k-step ${tileK} (${workgroupBytes} B of workgroup memory); ` +
        (limited.length ? `limited by ${limited.join(' and ')}` : `the preferred sizes fit within the limits`);
      return { tileM, tileN, tileK, workgroup: [x, y], perThread: [rm, rn], workgroupBytes, reason };
    }
  }
  throw new Error(
    `chooseTiles: no tile fits in ${storage} B of workgroup memory (the smallest needs ${(rm + rn) * TILE_K_CHOICES.at(-1)! * F32_BYTES} B)`,
  );
}

/** Workgroups to dispatch along x (columns of C) and y (rows of C). */
export function tiledDispatch(tiles: TileChoice, m: number, n: number): [x: number, y: number] {
  return [Math.ceil(n / tiles.tileN), Math.ceil(m / tiles.tileM)];
}
