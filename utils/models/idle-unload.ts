import type { PageText, ProcessedPage } from '../protocol/model-host';

/** Loaded models nobody used for this long are unloaded; they load again on the next page. */
export const IDLE_UNLOAD_MS = 5 * 60_000;

interface Models {
  process(pages: PageText[]): Promise<ProcessedPage[]>;
  unload(): Promise<void>;
}

/** The models, remembering when they were last used, so their memory can be freed when idle. */
export function unloadWhenIdle(models: Models, idleMs = IDLE_UNLOAD_MS) {
  let lastUse = 0;
  return {
    process(pages: PageText[]): Promise<ProcessedPage[]> {
      lastUse = Date.now();
      return models.process(pages);
    },
    /** Asked periodically; `loaded` is whether the model host reports the models ready. */
    async unloadIfIdle(loaded: boolean, now: number): Promise<void> {
      if (loaded && now - lastUse > idleMs) await models.unload();
    },
  };
}
