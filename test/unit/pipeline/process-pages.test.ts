// Plumbing tests with SYNTHETIC fixture models (a bag-of-tokens embedder and a fixed-lexicon
// tagger): they check wiring, shapes and fail-closed behaviour, never model quality.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadNodeRunners } from '../../../utils/models/node-runners';
import type { ModelRunners } from '../../../utils/models/runners';
import { processPages } from '../../../utils/pipeline/process-pages';
import type { PageText } from '../../../utils/protocol/model-host';

const root = path.resolve(import.meta.dirname, '../../..');
let runners: ModelRunners;

beforeAll(async () => {
  runners = await loadNodeRunners(path.resolve(root, 'test/fixtures/models.fixtures.json'));
}, 120_000);

afterAll(async () => {
  await runners?.dispose();
});

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  const maxDiff = Math.max(...actual.map((x, i) => Math.abs(x - expected[i]!)));
  expect(maxDiff).toBeLessThan(1e-5);
}

const PAGE: PageText = {
  title: 'Notes from Sarah Johnson',
  text:
    'Sarah Johnson met the Siemens team in Berlin. Write to sarah.johnson@example.com or call +49 30 1234567. ' +
    'The card 4111 1111 1111 1111 was charged. Rivers carry sediment to the sea.',
};

describe('node runners on the fixture models (plumbing)', () => {
  it('report the fixture model ids from the manifest', () => {
    expect(runners.info.embed).toMatchObject({ id: 'fixture-tiny-embed-384', dim: 384 });
    expect(runners.info.ner.id).toBe('fixture-tiny-ner-lexicon');
  });

  it('embed gives one 384-dimension unit-norm vector per text', async () => {
    const rows = await runners.embed(['rivers carry sediment', 'a second, different sentence', 'x']);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toHaveLength(384);
      expect(norm(row)).toBeCloseTo(1, 4);
    }
    expect(rows[0]).not.toEqual(rows[1]);
    expect(await runners.embed([])).toEqual([]);
  });

  it('tokens returns labelled tokens per text, and nothing for blank text', async () => {
    const [tokens, blank] = await runners.tokens(['Sarah lives in Berlin', '   ']);
    expect(tokens!.length).toBeGreaterThan(0);
    expect(tokens!.some((t) => t.entity !== 'O')).toBe(true);
    expect(blank).toEqual([]);
    expect(await runners.tokens([])).toEqual([]);
  });

  it('tokens labels each text of a batch (padded to the longest) as it labels it alone', async () => {
    const texts = ['Sarah Johnson met the Siemens team in Berlin and then flew on to Paris with her colleagues.', 'Hi Sarah', 'London'];
    const batched = await runners.tokens(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await runners.tokens([text]);
      expect(batched[i]!.map(({ entity, index, word }) => ({ entity, index, word }))).toEqual(alone!.map(({ entity, index, word }) => ({ entity, index, word })));
      batched[i]!.forEach((t, j) => expect(t.score).toBeCloseTo(alone![j]!.score, 4));
    }
  });
});

describe('processPages (plumbing with fixture models)', () => {
  it('removes e-mail, phone, card and fixture-lexicon names from title and text', async () => {
    const [page] = await processPages([PAGE], runners);
    const out = `${page!.title}\n${page!.text}`;
    for (const leaked of ['sarah', 'johnson', 'siemens', 'berlin', '@example.com', '1234567', '4111']) {
      expect(out.toLowerCase()).not.toContain(leaked);
    }
    expect(out).toContain('Rivers carry sediment to the sea.');
    expect(page!.entityCounts).toMatchObject({
      EMAIL: 1,
      PHONE: 1,
      CARD: 1,
      PERSON: expect.any(Number),
      LOCATION: expect.any(Number),
      ORGANIZATION: expect.any(Number),
    });
    expect(page!.models).toEqual({ embed: 'fixture-tiny-embed-384', ner: 'fixture-tiny-ner-lexicon' });
  });

  it('embeds the redacted text, not the raw one, page by page', async () => {
    const other: PageText = { title: 'Maps', text: 'Paris and London are on this map of old rivers.' };
    const pages = await processPages([PAGE, other], runners);
    const [fromRedacted, fromRaw] = [
      await runners.embed(pages.map((p) => `${p.title}\n${p.text}`.trim())),
      await runners.embed([PAGE, other].map((p) => `${p.title}\n${p.text}`)),
    ];
    expectClose(pages[0]!.embedding, fromRedacted[0]!);
    expectClose(pages[1]!.embedding, fromRedacted[1]!);
    expect(Math.max(...pages[0]!.embedding.map((x, i) => Math.abs(x - fromRaw[0]![i]!)))).toBeGreaterThan(1e-3);
    expect(pages[1]!.text.toLowerCase()).not.toMatch(/paris|london/);
  });

  it('a tagger that throws makes processPages throw and embeds nothing (fail closed)', async () => {
    const embed = vi.fn(runners.embed);
    const broken: ModelRunners = {
      ...runners,
      embed,
      tokens: async () => {
        throw new Error('onnx session lost');
      },
    };
    await expect(processPages([PAGE], broken)).rejects.toThrow(/NER failed/);
    expect(embed).not.toHaveBeenCalled();
  });

  it('an embedder that throws makes processPages throw', async () => {
    const broken: ModelRunners = {
      ...runners,
      embed: async () => {
        throw new Error('out of memory');
      },
    };
    await expect(processPages([PAGE], broken)).rejects.toThrow(/out of memory/);
  });
});
