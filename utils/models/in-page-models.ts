import type { AnonymizedPage, Embedded, PageText, ProcessedPage, ModelProgress } from '../protocol/model-host';
import { powerSource } from '../compute/power';
import type { PowerSource } from '../compute/gate';
import type { ModelHost } from './model-host';

/**
 * Firefox has no offscreen documents, but its background is a page that may run WASM: the model
 * host lives right there, loaded on first use, and no message crosses a boundary.
 */
export function inPageModels(report: (p: ModelProgress) => void) {
  let host: Promise<ModelHost> | null = null;
  const get = () =>
    (host ??= Promise.all([import('./model-host'), import('./browser-runners')]).then(([{ createModelHost }, { loadBrowserRunners }]) =>
      createModelHost(loadBrowserRunners, report),
    ));
  return {
    anonymize: async (pages: PageText[]): Promise<AnonymizedPage[]> => (await get()).anonymize(pages),
    embedPages: async (pages: AnonymizedPage[]): Promise<ProcessedPage[]> => (await get()).embedPages(pages),
    embed: async (texts: string[]): Promise<Embedded> => (await get()).embed(texts),
    power: (): Promise<PowerSource> => powerSource(),
    unload: async () => {
      if (host) await (await host).unload();
    },
  };
}
