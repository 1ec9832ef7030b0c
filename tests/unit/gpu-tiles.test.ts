// Tile sizes of the tiled WebGPU kernel come from the limits, and always fit them.
import { describe, expect, it } from 'vitest';
import { chooseTiles, PER_THREAD, tiledDispatch, type TileChoice, type TileLimits } from '../../src/gpu/tiles.ts';

/** What SwiftShader (headless Chromium's fallback adapter) reports. */
const swiftShader: TileLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
};

/** WebGPU's guaranteed defaults: what a device gets without asking for more. */
const defaults: TileLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
};

function expectWithin(t: TileChoice, limits: TileLimits): void {
  const [x, y] = t.workgroup;
  expect(x * y).toBeLessThanOrEqual(limits.maxComputeInvocationsPerWorkgroup);
  expect(x).toBeLessThanOrEqual(limits.maxComputeWorkgroupSizeX);
  expect(y).toBeLessThanOrEqual(limits.maxComputeWorkgroupSizeY);
  expect(t.workgroupBytes).toBe((t.tileM + t.tileN) * t.tileK * 4);
  expect(t.workgroupBytes).toBeLessThanOrEqual(limits.maxComputeWorkgroupStorageSize);
  expect(t.perThread).toEqual(PER_THREAD);
  expect(t.tileM).toBe(y * t.perThread[0]);
  expect(t.tileN).toBe(x * t.perThread[1]);
  // tiled.wgsl packs tiles in vec4s and indexes them by local id.
  expect(t.tileM % 4).toBe(0);
  expect(t.tileN % 4).toBe(0);
  expect(t.tileK).toBeGreaterThanOrEqual(1);
  expect(t.reason.length).toBeGreaterThan(20);
}

describe('chooseTiles', () => {
  it('on SwiftShader: 16×16 invocations, 4×4 each, a 64×64 tile, k-step 32 in 16 KiB', () => {
    const t = chooseTiles(swiftShader);
    expectWithin(t, swiftShader);
    expect(t).toMatchObject({ tileM: 64, tileN: 64, tileK: 32, workgroup: [16, 16], perThread: [4, 4], workgroupBytes: 16384 });
    expect(t.reason).toMatch(/preferred sizes fit/);
  });

  it('fits the WebGPU default limits', () => {
    const t = chooseTiles(defaults);
    expectWithin(t, defaults);
    expect(t.workgroup).toEqual([16, 16]);
  });

  it('shrinks the workgroup and the k-step on a small-limit adapter', () => {
    const small: TileLimits = {
      maxComputeInvocationsPerWorkgroup: 64,
      maxComputeWorkgroupStorageSize: 4096,
      maxComputeWorkgroupSizeX: 64,
      maxComputeWorkgroupSizeY: 64,
    };
    const t = chooseTiles(small);
    expectWithin(t, small);
    expect(t).toMatchObject({ workgroup: [8, 8], tileM: 32, tileN: 32, tileK: 16 });
    expect(t.reason).toMatch(/64 invocations/);
    expect(t.reason).toMatch(/4096 B of workgroup memory/);
  });

  it('respects a lopsided size limit and an odd invocation count', () => {
    const lopsided: TileLimits = {
      maxComputeInvocationsPerWorkgroup: 100,
      maxComputeWorkgroupStorageSize: 16384,
      maxComputeWorkgroupSizeX: 256,
      maxComputeWorkgroupSizeY: 2,
    };
    const t = chooseTiles(lopsided);
    expectWithin(t, lopsided);
    expect(t.workgroup).toEqual([16, 2]);
  });

  it('shrinks the workgroup when even the shallowest tile of the largest does not fit', () => {
    const tiny: TileLimits = {
      maxComputeInvocationsPerWorkgroup: 256,
      maxComputeWorkgroupStorageSize: 512,
      maxComputeWorkgroupSizeX: 256,
      maxComputeWorkgroupSizeY: 256,
    };
    const t = chooseTiles(tiny);
    expectWithin(t, tiny);
    expect(t.workgroup[0] * t.workgroup[1]).toBeLessThan(256);
  });

  it('refuses limits nothing fits in, and nonsense limits, with a reason', () => {
    expect(() => chooseTiles({ ...defaults, maxComputeWorkgroupStorageSize: 64 })).toThrow(/no tile fits in 64 B/);
    expect(() => chooseTiles({ ...defaults, maxComputeInvocationsPerWorkgroup: 0 })).toThrow(/maxComputeInvocationsPerWorkgroup/);
    expect(() => chooseTiles({ ...defaults, maxComputeWorkgroupSizeX: Number.NaN })).toThrow(/maxComputeWorkgroupSizeX/);
  });

  it('dispatches enough workgroups to cover C, rounding up at the edges', () => {
    const t = chooseTiles(swiftShader);
    expect(tiledDispatch(t, 1, 1)).toEqual([1, 1]);
    expect(tiledDispatch(t, 17, 65)).toEqual([2, 1]);
    expect(tiledDispatch(t, 256, 256)).toEqual([4, 4]);
    expect(tiledDispatch(t, 200, 400)).toEqual([7, 4]);
  });
});
