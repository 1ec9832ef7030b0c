// Exposes a bench API from inside a worker. Adapting only: the one thing added is
// releasing each run's progress proxy when the run ends, which closes the message
// port and the listener the page made for it (otherwise every run leaves one behind).
import * as Comlink from 'comlink';
import type { BenchApi } from './worker-api.ts';

export function exposeBenchApi<Api extends BenchApi>(api: Api): void {
  Comlink.expose({
    ...api,
    async run(...[request, onProgress]: Parameters<BenchApi['run']>) {
      try {
        return await api.run(request, onProgress);
      } finally {
        (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
      }
    },
  } satisfies Api);
}
