import type { Embedded, PageText, ProcessedPage } from '../protocol/model-host';
import type { PowerSource } from '../compute/gate';

/** Loaded models nobody used for this long are unloaded; they load again on the next page. */
export const IDLE_UNLOAD_MS = 5 * 60_000;

interface Models {
  process(pages: PageText[]): Promise<ProcessedPage[]>;
  embed(texts: string[]): Promise<Embedded>;
  power(): Promise<PowerSource>;
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
    embed(texts: string[]): Promise<Embedded> {
      lastUse = Date.now();
      return models.embed(texts);
    },
    power: () => models.power(),
    /** Asked periodically; `loaded` is whether the model host reports the models ready. */
    async unloadIfIdle(loaded: boolean, now: number): Promise<void> {
      if (loaded && now - lastUse > idleMs) await models.unload();
    },
  };
}
