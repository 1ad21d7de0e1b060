import type { ModelRunners } from './runners';

/**
 * A macrotask boundary. MessageChannel rather than setTimeout: the offscreen document is a
 * hidden page, where Chrome throttles timers.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The extension's pages (popup, dashboard, offscreen model host) share one renderer thread, and
 * a WASM inference holds it until it returns. Yielding to the event loop before every model call
 * lets the popup open and the dashboard respond between two inferences while a backlog of visits
 * is processed, instead of after the whole batch.
 */
export function yieldBetweenCalls(runners: ModelRunners): ModelRunners {
  return {
    ...runners,
    async embed(texts) {
      await nextTask();
      return runners.embed(texts);
    },
    async tokens(texts) {
      await nextTask();
      return runners.tokens(texts);
    },
  };
}
