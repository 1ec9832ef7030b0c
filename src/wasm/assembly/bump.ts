// The bump allocator of the single-threaded kernel modules (matmul.ts, tuned.ts):
// set-up places A, B and C one after the other, and a reset frees everything.

let top: usize = 0;

/** Frees everything and reserves `reserve` bytes at the heap's start; returns where they start. */
export function bumpReset(reserve: usize): usize {
  top = (__heap_base + 15) & ~(<usize>15);
  const start = top;
  if (reserve > 0 && bumpAlloc(reserve) == 0) unreachable(); // cannot even hold the reserve
  return start;
}

/** True once a reset has run. */
export function bumpReady(): bool {
  return top != 0;
}

/** 16-byte aligned block of `bytes`, growing memory as needed; 0 when memory cannot grow. */
export function bumpAlloc(bytes: usize): usize {
  if (top == 0) bumpReset(0);
  const ptr = top;
  if (bytes > <usize>0xfff0_0000 - ptr) return 0; // past 4 GiB
  const end = (ptr + bytes + 15) & ~(<usize>15);
  const pages = <i32>((end + 0xffff) >>> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  top = end;
  return ptr;
}
