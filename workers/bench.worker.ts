// The bench worker: runs the serial variants off the main thread, so the page never
// freezes and Cancel can simply terminate it. It only adapts the API to messages.
import * as Comlink from 'comlink';
import { createSerialBenchApi } from '../src/bench/serial-api.ts';
import type { BenchApi } from '../src/bench/worker-api.ts';

Comlink.expose(createSerialBenchApi());

export type BenchWorkerApi = BenchApi;
