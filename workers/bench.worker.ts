// The bench worker: runs the serial variants off the main thread, so the page never
// freezes and Cancel can simply terminate it. It only adapts the API to messages.
import { exposeBenchApi } from '../src/bench/expose.ts';
import { createSerialBenchApi } from '../src/bench/serial-api.ts';
import type { BenchApi } from '../src/bench/worker-api.ts';

exposeBenchApi(createSerialBenchApi());

export type BenchWorkerApi = BenchApi;
