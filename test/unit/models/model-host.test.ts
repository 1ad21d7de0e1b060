import { describe, expect, it } from 'vitest';
import type { RuntimeModelInfo } from '../../../utils/models/manifest';
import { createModelHost } from '../../../utils/models/model-host';
import type { ModelKind, ModelRunners } from '../../../utils/models/runners';
import type { ModelProgress } from '../../../utils/protocol/model-host';

const info: RuntimeModelInfo = { embed: { id: 'embed-model', version: '1', dim: 2, pooling: 'mean', normalize: true }, ner: { id: 'ner-model' } };

/** Runners that record which model was loaded, used and disposed; `failNer` makes the NER load fail once. */
function fakeRunners(log: string[], options: { failNer?: boolean } = {}): ModelRunners {
  let failNer = options.failNer ?? false;
  const loaded = new Set<ModelKind>();
  const use = async (kind: ModelKind) => {
    if (loaded.has(kind)) return;
    if (kind === 'ner' && failNer) {
      failNer = false;
      throw new Error('ner did not load');
    }
    loaded.add(kind);
    log.push(`load ${kind}`);
  };
  return {
    info,
    async load(kinds) {
      for (const kind of kinds) await use(kind);
    },
    async embed(texts) {
      await use('embed');
      return texts.map(() => [1, 0]);
    },
    async tokens(texts) {
      await use('ner');
      return texts.map(() => []);
    },
    async dispose() {
      log.push(`dispose ${[...loaded].sort().join('+')}`);
      loaded.clear();
    },
  };
}

const page = { title: 'Notes', text: 'Write to someone@example.com about the rivers.' };

describe('createModelHost', () => {
  it('anonymizing loads only the NER model, embedding only the embedding model', async () => {
    const log: string[] = [];
    const host = createModelHost(async () => fakeRunners(log), () => undefined);
    const [anonymized] = await host.anonymize([page]);
    expect(anonymized).toMatchObject({ ner: 'ner-model', entityCounts: { EMAIL: 1 } });
    expect(anonymized!.text).not.toContain('someone@example.com');
    expect(log).toEqual(['load ner']);
    await host.unload();
    expect(log).toEqual(['load ner', 'dispose ner']);

    const [processed] = await host.embedPages([anonymized!]);
    expect(processed).toEqual({
      title: anonymized!.title,
      text: anonymized!.text,
      entityCounts: anonymized!.entityCounts,
      embedding: [1, 0],
      models: { embed: 'embed-model', ner: 'ner-model' },
    });
    expect(log).toEqual(['load ner', 'dispose ner', 'load embed']);
  });

  it('process loads both models and gives what the two phases give', async () => {
    const log: string[] = [];
    const host = createModelHost(async () => fakeRunners(log), () => undefined);
    const [together] = await host.process([page]);
    expect(log.sort()).toEqual(['load embed', 'load ner']);
    expect(together).toEqual((await host.embedPages(await host.anonymize([page])))[0]);
  });

  it('a model that failed to load is reported and loaded again on the next request', async () => {
    const log: string[] = [];
    const reports: ModelProgress['state'][] = [];
    const host = createModelHost(async () => fakeRunners(log, { failNer: true }), (p) => reports.push(p.state));
    await expect(host.anonymize([page])).rejects.toThrow('ner did not load');
    expect(reports).toEqual(['loading', 'error']);
    expect(await host.anonymize([page])).toHaveLength(1);
    expect(reports).toEqual(['loading', 'error', 'loading', 'ready']);
    expect(log).toEqual(['load ner']);
  });

  it('a host whose runners could not start starts afresh on the next request', async () => {
    const log: string[] = [];
    let starts = 0;
    const host = createModelHost(async () => {
      if (++starts === 1) throw new Error('runtime.json missing');
      return fakeRunners(log);
    }, () => undefined);
    await expect(host.embed(['a public text'])).rejects.toThrow('runtime.json missing');
    expect(await host.embed(['a public text'])).toEqual({ vectors: [[1, 0]], model: { id: 'embed-model', version: '1' } });
    expect(starts).toBe(2);
  });
});
