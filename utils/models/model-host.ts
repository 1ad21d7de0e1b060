import type { ModelProgress } from '../protocol/model-host';
import { anonymizePages, embedAnonymizedPages, processPages } from '../pipeline/process-pages';
import type { AnonymizedPage, Embedded, PageText, ProcessedPage } from '../protocol/model-host';
import type { ModelKind, ModelRunners } from './runners';

export interface ModelHost {
  /** Anonymize and embed, both models at once. */
  process(pages: PageText[]): Promise<ProcessedPage[]>;
  /** The anonymizer alone: the embedding model is not loaded for it. */
  anonymize(pages: PageText[]): Promise<AnonymizedPage[]>;
  /** Anonymized pages through the embedding model alone: the NER model is not loaded for it. */
  embedPages(pages: AnonymizedPage[]): Promise<ProcessedPage[]>;
  /** Public texts through the embedding model alone, named by the model that embedded them. */
  embed(texts: string[]): Promise<Embedded>;
  unload(): Promise<void>;
}

/**
 * Owns the loaded models in whichever context may run WASM (Chrome's offscreen document,
 * Firefox's background page). Loads each model on first use, reporting progress; a failed load is
 * reported and retried on the next request rather than cached.
 */
export function createModelHost(
  load: (onProgress: (fraction: number) => void) => Promise<ModelRunners>,
  report: (progress: ModelProgress) => void,
): ModelHost {
  let runners: Promise<ModelRunners> | null = null;
  const loaded = new Map<ModelKind, Promise<void>>();
  const loading = (progress: number): ModelProgress => ({ type: 'model:progress', state: 'loading', progress, message: 'Loading on-device models' });

  const loadKind = (current: Promise<ModelRunners>, kind: ModelKind): Promise<void> => {
    report(loading(0));
    const done = current
      .then((r) => r.load([kind]))
      .then(
        () => report({ type: 'model:progress', state: 'ready', progress: 1 }),
        (err: unknown) => {
          if (loaded.get(kind) === done) loaded.delete(kind);
          report({ type: 'model:progress', state: 'error', progress: 0, message: `Models failed to load: ${String(err)}`.slice(0, 500) });
          throw err;
        },
      );
    loaded.set(kind, done);
    return done;
  };

  const ready = async (kinds: readonly ModelKind[]): Promise<ModelRunners> => {
    if (!runners) {
      const started = load((fraction) => report(loading(fraction)));
      // A host that could not even start starts afresh on the next request.
      started.catch(() => {
        if (runners === started) runners = null;
      });
      runners = started;
    }
    const current = runners;
    await Promise.all(kinds.map((kind) => loaded.get(kind) ?? loadKind(current, kind)));
    return current;
  };

  return {
    async process(pages) {
      return processPages(pages, await ready(['ner', 'embed']));
    },
    async anonymize(pages) {
      return anonymizePages(pages, await ready(['ner']));
    },
    async embedPages(pages) {
      return embedAnonymizedPages(pages, await ready(['embed']));
    },
    async embed(texts) {
      const current = await ready(['embed']);
      return { vectors: await current.embed(texts), model: { id: current.info.embed.id, version: current.info.embed.version } };
    },
    async unload() {
      const current = runners;
      runners = null;
      loaded.clear();
      await (await current?.catch(() => null))?.dispose();
      report({ type: 'model:progress', state: 'idle', progress: 0 });
    },
  };
}
