import type { ModelProgress } from '../protocol/model-host';
import { processPages } from '../pipeline/process-pages';
import type { Embedded, PageText, ProcessedPage } from '../protocol/model-host';
import type { ModelRunners } from './runners';

export interface ModelHost {
  process(pages: PageText[]): Promise<ProcessedPage[]>;
  /** Public texts through the embedding model alone, named by the model that embedded them. */
  embed(texts: string[]): Promise<Embedded>;
  unload(): Promise<void>;
}

/**
 * Owns the loaded models in whichever context may run WASM (Chrome's offscreen document,
 * Firefox's background page). Loads once on first use, reporting progress; a failed load is
 * reported and retried on the next request rather than cached.
 */
export function createModelHost(
  load: (onProgress: (fraction: number) => void) => Promise<ModelRunners>,
  report: (progress: ModelProgress) => void,
): ModelHost {
  let runners: Promise<ModelRunners> | null = null;

  const ready = (): Promise<ModelRunners> => {
    if (runners) return runners;
    report({ type: 'model:progress', state: 'loading', progress: 0, message: 'Loading on-device models' });
    const loading = load((fraction) =>
      report({ type: 'model:progress', state: 'loading', progress: fraction, message: 'Loading on-device models' }),
    ).then(
      (loaded) => {
        report({ type: 'model:progress', state: 'ready', progress: 1 });
        return loaded;
      },
      (err: unknown) => {
        runners = null;
        report({ type: 'model:progress', state: 'error', progress: 0, message: `Models failed to load: ${String(err)}`.slice(0, 500) });
        throw err;
      },
    );
    runners = loading;
    return loading;
  };

  return {
    async process(pages) {
      return processPages(pages, await ready());
    },
    async embed(texts) {
      const loaded = await ready();
      return { vectors: await loaded.embed(texts), model: { id: loaded.info.embed.id, version: loaded.info.embed.version } };
    },
    async unload() {
      const current = runners;
      runners = null;
      if (current) await (await current).dispose();
      report({ type: 'model:progress', state: 'idle', progress: 0 });
    },
  };
}
