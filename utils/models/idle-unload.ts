import type { AnonymizedPage, Embedded, PageText, ProcessedPage } from '../protocol/model-host';
import type { PowerSource } from '../compute/gate';

/**
 * Loaded models hold most of the extension's memory (the WASM heap, compiled code), and model work
 * comes in backlogs: it waits for a pause in browsing, then runs every waiting page at once. So the
 * model host is released this long after its last request, not kept for the next backlog: a cold
 * start (a few seconds, once per backlog) is cheaper than holding the memory while the user browses.
 */
export const IDLE_UNLOAD_MS = 30_000;

interface Models {
  anonymize(pages: PageText[]): Promise<AnonymizedPage[]>;
  embedPages(pages: AnonymizedPage[]): Promise<ProcessedPage[]>;
  embed(texts: string[]): Promise<Embedded>;
  power(): Promise<PowerSource>;
  /** Frees the models' memory; the next request loads them again. */
  unload(): Promise<void>;
}

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface IdleUnloadOptions {
  idleMs?: number;
  timers?: Timers;
  /** After the host was released (Chrome's closed offscreen document reports nothing itself). */
  onUnloaded?: () => void;
  /** A release the timer started failed; the next periodic check tries again. */
  onError?: (err: unknown) => void;
}

/**
 * The models, released once no request is in flight and none came for `idleMs`. A request that
 * arrives while the host is being released waits for the release to finish and then starts the
 * host again, so nothing is lost and the old host is never used while it closes (Chrome allows
 * one offscreen document at a time).
 */
export function unloadWhenIdle(models: Models, options: IdleUnloadOptions = {}) {
  const idleMs = options.idleMs ?? IDLE_UNLOAD_MS;
  const timers = options.timers ?? realTimers;
  let inFlight = 0;
  // A fresh service worker may find a host a stopped one left loaded: nothing of it is in use.
  let lastUse = Number.NEGATIVE_INFINITY;
  // Unknown at first for the same reason; false from a release until the next request.
  let mayHoldHost = true;
  let unloading: Promise<void> | null = null;
  let timer: unknown;

  async function use<T>(call: () => Promise<T>): Promise<T> {
    // Counted before anything is awaited, so no release starts once a request has arrived.
    inFlight++;
    mayHoldHost = true;
    timers.clearTimeout(timer);
    try {
      if (unloading) await unloading;
      return await call();
    } finally {
      inFlight--;
      lastUse = timers.now();
      if (inFlight === 0) timer = timers.setTimeout(() => void unloadIfIdle().catch((err: unknown) => options.onError?.(err)), idleMs);
    }
  }

  /** Releases the host if it is idle; whether it did. Also asked periodically, for a timer lost with a stopped service worker. */
  async function unloadIfIdle(): Promise<boolean> {
    if (timers.now() - lastUse < idleMs) return false;
    return unloadUnlessBusy();
  }

  async function unloadUnlessBusy(): Promise<boolean> {
    if (!mayHoldHost || inFlight > 0 || unloading) return false;
    timers.clearTimeout(timer);
    const release = models.unload().then(() => {
      // A request that came meanwhile is waiting to start the host again.
      if (inFlight === 0) mayHoldHost = false;
      options.onUnloaded?.();
    });
    unloading = release.catch(() => undefined).finally(() => (unloading = null));
    await release;
    return true;
  }

  return {
    anonymize: (pages: PageText[]): Promise<AnonymizedPage[]> => use(() => models.anonymize(pages)),
    embedPages: (pages: AnonymizedPage[]): Promise<ProcessedPage[]> => use(() => models.embedPages(pages)),
    embed: (texts: string[]): Promise<Embedded> => use(() => models.embed(texts)),
    power: (): Promise<PowerSource> => use(() => models.power()),
    unloadIfIdle,
    /**
     * Releases the host now unless a request is in flight or it is already being released:
     * between the two phases of a backlog, so the embedding model starts in a fresh host instead of
     * one whose WASM memory still holds the NER model's high-water mark (WASM memory never shrinks).
     */
    releaseNow: unloadUnlessBusy,
  };
}
