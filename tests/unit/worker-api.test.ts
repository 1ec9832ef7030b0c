// The bench worker's API, exercised over a real MessageChannel with Comlink, in Node:
// the same object the worker exposes, the same structured-clone boundary, no Worker.
import * as Comlink from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchResult, Progress } from '../../src/bench/protocol.ts';
import { createSerialBenchApi } from '../../src/bench/serial-api.ts';
import { probeEnvironment, wasmSimdSupported } from '../../src/bench/environment.ts';
import type { BenchWorkerApi } from '../../workers/bench.worker.ts';
import { serialVariants } from '../../src/kernels/registry.ts';

let ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports) p.close();
  ports = [];
});

function connect(): Comlink.Remote<BenchWorkerApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  // Node's MessagePort speaks EventTarget, which is what Comlink's Endpoint needs.
  Comlink.expose(createSerialBenchApi(), port2 as unknown as Comlink.Endpoint);
  return Comlink.wrap<BenchWorkerApi>(port1 as unknown as Comlink.Endpoint);
}

describe('bench worker API over a MessageChannel', () => {
  it('lists every serial variant with its description', async () => {
    const api = connect();
    const listed = await api.listVariants();
    expect(listed.map((v) => v.id)).toEqual(serialVariants.map((v) => v.id));
    for (const v of listed) expect(v.description.length).toBeGreaterThan(0);
  });

  it('probes the environment of the thread it runs in', async () => {
    const api = connect();
    const env = await api.environment();
    expect(env.cores).toBeGreaterThanOrEqual(1);
    expect(env.timerResolutionMs).toBeGreaterThan(0);
    expect(env.timerResolutionMs).toBeLessThanOrEqual(1);
    expect(typeof env.wasmSimd).toBe('boolean');
    expect(env.sharedArrayBuffer).toBe(typeof SharedArrayBuffer !== 'undefined');
  });

  it('runs a request, checks it, and streams progress through a proxied callback', async () => {
    const api = connect();
    const events: Progress[] = [];
    const results: BenchResult[] = await api.run(
      { variants: ['naive', 'wasm-simd', 'nope'], shape: { m: 8, l: 5, n: 3 }, dtype: 'f32', samples: 5, seed: 3 },
      Comlink.proxy((p: Progress) => void events.push(p)),
    );
    expect(results.map((r) => r.variant)).toEqual(['naive', 'wasm-simd', 'nope']);
    for (const r of results.slice(0, 2)) {
      expect(r.status).toBe('ok');
      if (r.status !== 'ok') continue;
      expect(r.correct).toBe(true);
      expect(r.samplesMs).toHaveLength(5);
      expect(r).toMatchObject({ m: 8, l: 5, n: 3, dtype: 'f32', workers: 1 });
    }
    expect(results[2]).toMatchObject({ status: 'error', error: expect.stringContaining('unknown variant') });
    // Progress messages may trail the result by a tick: wait for the last one.
    await expect.poll(() => events.some((e) => e.variant === 'wasm-simd' && e.phase === 'done')).toBe(true);
    expect(events.some((e) => e.variant === 'naive' && e.phase === 'sample' && e.sample === 5)).toBe(true);
  });
});

describe('probeEnvironment', () => {
  it('measures the timer step with the clock it is given', () => {
    let reads = 0;
    const coarse = () => Math.floor(reads++ / 3) * 0.1; // a 100 µs clock
    expect(probeEnvironment(coarse).timerResolutionMs).toBeCloseTo(0.1, 12);
  });

  it('detects WebAssembly SIMD by validating a module (Node 20 has it)', () => {
    expect(wasmSimdSupported()).toBe(true);
  });
});
