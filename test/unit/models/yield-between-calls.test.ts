import { describe, expect, it } from 'vitest';
import type { ModelRunners } from '../../../utils/models/runners';
import { yieldBetweenCalls } from '../../../utils/models/yield-between-calls';

function recordingRunners(log: string[]): ModelRunners {
  return {
    info: { embed: { id: 'e', version: '0123456789abcdef', dim: 2, pooling: 'mean', normalize: true }, ner: { id: 'n' } },
    async load(kinds) {
      log.push(`load:${kinds.join('|')}`);
    },
    async embed(texts) {
      log.push(`embed:${texts.join('|')}`);
      return texts.map(() => [1, 0]);
    },
    async tokens(texts) {
      log.push(`tokens:${texts.join('|')}`);
      return texts.map(() => []);
    },
    async dispose() {
      log.push('dispose');
    },
  };
}

describe('yieldBetweenCalls', () => {
  it('lets tasks already queued by other pages run before each model call, and returns the model’s answer', async () => {
    const log: string[] = [];
    const runners = yieldBetweenCalls(recordingRunners(log));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => log.push('other page task');
    channel.port2.postMessage(null);
    expect(await runners.embed(['a', 'b'])).toEqual([[1, 0], [1, 0]]);
    channel.port2.postMessage(null);
    expect(await runners.tokens(['t'])).toEqual([[]]);
    channel.port1.close();
    expect(log).toEqual(['other page task', 'embed:a|b', 'other page task', 'tokens:t']);
  });

  it('passes dispose and the model info through', async () => {
    const log: string[] = [];
    const runners = yieldBetweenCalls(recordingRunners(log));
    expect(runners.info.embed.id).toBe('e');
    await runners.dispose();
    expect(log).toEqual(['dispose']);
  });
});
