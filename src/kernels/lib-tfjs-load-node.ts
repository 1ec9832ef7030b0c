// TensorFlow.js on its WebAssembly backend in plain Node (unit tests): the
// package's Node build reads its .wasm files from node_modules itself.
import type { TfjsHandle } from './lib-tfjs.ts';
import { initTfjs } from './lib-tfjs-handle.ts';

let loading: Promise<TfjsHandle> | undefined;

export function loadTfjsNode(): Promise<TfjsHandle> {
  return (loading ??= (async () => {
    const [tf, wasm] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-wasm')]);
    return initTfjs(tf, wasm, { threads: 1 });
  })());
}
