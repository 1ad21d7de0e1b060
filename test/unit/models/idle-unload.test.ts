import { describe, expect, it } from 'vitest';
import { unloadWhenIdle, type Timers } from '../../../utils/models/idle-unload';
import type { AnonymizedPage, PageText, ProcessedPage } from '../../../utils/protocol/model-host';

/** Time that moves only when the test says so; due timers run as it passes them. */
function manualTimers() {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (run, ms) => {
      due.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  return {
    timers,
    pending: () => due.size,
    /** Moves the clock and runs the timers it passes, letting their promises settle. */
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...due]) {
        if (t.at > now) continue;
        due.delete(id);
        t.run();
      }
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const page: PageText = { title: 't', text: 'x' };

/** A model host that records its life: loaded by a request, released by unload. */
function fakeHost() {
  const log: string[] = [];
  let loaded = false;
  let work: Promise<void> = Promise.resolve();
  let unloadGate: Promise<void> = Promise.resolve();
  return {
    log,
    get loaded() {
      return loaded;
    },
    /** The next requests take until `gate` resolves. */
    holdWork(gate: Promise<void>) {
      work = gate;
    },
    holdUnload(gate: Promise<void>) {
      unloadGate = gate;
    },
    models: {
      async anonymize(pages: PageText[]): Promise<AnonymizedPage[]> {
        log.push(loaded ? 'anonymize' : 'load+anonymize');
        loaded = true;
        await work;
        return pages.map((p) => ({ ...p, entityCounts: {}, ner: 'n' }));
      },
      async embedPages(pages: AnonymizedPage[]): Promise<ProcessedPage[]> {
        log.push(loaded ? 'embedPages' : 'load+embedPages');
        loaded = true;
        await work;
        return pages.map(({ ner, ...p }) => ({ ...p, embedding: [0], models: { embed: 'e', ner } }));
      },
      async embed(texts: string[]) {
        log.push(loaded ? 'embed' : 'load+embed');
        loaded = true;
        await work;
        return { vectors: texts.map(() => [0]), model: { id: 'm', version: '1' } };
      },
      async power() {
        log.push('power');
        loaded = true;
        return 'ac' as const;
      },
      async unload() {
        log.push('unload:start');
        await unloadGate;
        loaded = false;
        log.push('unload:done');
      },
    },
  };
}

describe('unloadWhenIdle', () => {
  it('releases the host idleMs after the last request of a backlog, not before', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const unloaded: number[] = [];
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers, onUnloaded: () => unloaded.push(clock.timers.now()) });
    await models.anonymize([page]);
    await clock.advance(10_000);
    await models.anonymize([page]);
    await clock.advance(29_999);
    expect(host.loaded).toBe(true);
    await clock.advance(1);
    expect(host.loaded).toBe(false);
    expect(unloaded).toEqual([40_000]);
    expect(host.log).toEqual(['load+anonymize', 'anonymize', 'unload:start', 'unload:done']);
  });

  it('never releases the host while a request is in flight, however long it takes', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers });
    const slow = deferred();
    host.holdWork(slow.promise);
    const result = models.embed(['a']);
    await clock.advance(120_000);
    expect(await models.unloadIfIdle()).toBe(false);
    expect(host.loaded).toBe(true);
    slow.resolve();
    await result;
    // The idle time counts from the end of the request.
    await clock.advance(29_999);
    expect(host.loaded).toBe(true);
    await clock.advance(1);
    expect(host.loaded).toBe(false);
  });

  it('a request arriving during a release waits for it, then loads the host again: nothing lost, never two hosts', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers });
    await models.anonymize([page]);
    const closing = deferred();
    host.holdUnload(closing.promise);
    await clock.advance(30_000);
    expect(host.log.at(-1)).toBe('unload:start');
    const during = models.anonymize([page, page]);
    await settle();
    // Not sent to the host being closed.
    expect(host.log.at(-1)).toBe('unload:start');
    closing.resolve();
    expect(await during).toHaveLength(2);
    expect(host.log).toEqual(['load+anonymize', 'unload:start', 'unload:done', 'load+anonymize']);
    expect(host.loaded).toBe(true);
    // And that request's own idle time releases the host again.
    await clock.advance(30_000);
    expect(host.loaded).toBe(false);
  });

  it('the periodic check releases a host a stopped service worker left loaded, once', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers });
    expect(await models.unloadIfIdle()).toBe(true);
    // Released and unused since: nothing to ask the browser again.
    expect(await models.unloadIfIdle()).toBe(false);
    expect(host.log).toEqual(['unload:start', 'unload:done']);
  });

  it('releases a host started only to read the power source', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers });
    expect(await models.power()).toBe('ac');
    await clock.advance(30_000);
    expect(host.log).toEqual(['power', 'unload:start', 'unload:done']);
  });

  it('a failed release is reported and tried again by the next check; requests still go through', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const errors: unknown[] = [];
    let fail = true;
    const models = unloadWhenIdle(
      {
        ...host.models,
        unload: async () => {
          if (fail) throw new Error('closeDocument failed');
          await host.models.unload();
        },
      },
      { idleMs: 30_000, timers: clock.timers, onError: (err) => errors.push(err) },
    );
    await models.anonymize([page]);
    await clock.advance(30_000);
    expect(errors).toHaveLength(1);
    expect(clock.pending()).toBe(0);
    fail = false;
    expect(await models.unloadIfIdle()).toBe(true);
    expect(host.loaded).toBe(false);
    expect(await models.anonymize([page])).toHaveLength(1);
  });

  it('releaseNow releases an idle host at once (between a backlog\'s phases), never one with a request in flight', async () => {
    const clock = manualTimers();
    const host = fakeHost();
    const models = unloadWhenIdle(host.models, { idleMs: 30_000, timers: clock.timers });
    const anonymized = await models.anonymize([page]);
    expect(await models.releaseNow()).toBe(true);
    expect(host.loaded).toBe(false);
    // Its idle timer was cancelled: nothing left to release.
    expect(clock.pending()).toBe(0);
    expect(await models.releaseNow()).toBe(false);

    const slow = deferred();
    host.holdWork(slow.promise);
    const embedding = models.embedPages(anonymized);
    await settle();
    expect(await models.releaseNow()).toBe(false);
    expect(host.loaded).toBe(true);
    slow.resolve();
    expect(await embedding).toHaveLength(1);
    expect(host.log).toEqual(['load+anonymize', 'unload:start', 'unload:done', 'load+embedPages']);
  });
});
