import { describe, expect, it } from 'vitest';
import { chunkText, estimatePieces, SENTENCE_PIECES, WINDOW_PIECES, type Chunk } from '../../../utils/anonymize/chunk';

/** Windows are slices of the text, in order, that together cover all of it, and fit (one sentence may fill the trained length). */
function expectCover(text: string, chunks: Chunk[], maxPieces = WINDOW_PIECES): void {
  let covered = 0;
  for (const [i, c] of chunks.entries()) {
    expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
    expect(c.start).toBeLessThanOrEqual(covered);
    if (i > 0) expect(c.start).toBeGreaterThan(chunks[i - 1]!.start);
    expect(c.text.isWellFormed()).toBe(true);
    if (chunks.length > 1) expect(estimatePieces(c.text)).toBeLessThanOrEqual(Math.max(maxPieces, SENTENCE_PIECES));
    covered = Math.max(covered, c.start + c.text.length);
  }
  expect(covered).toBe(text.length);
}

const overlap = (chunks: Chunk[]): number => chunks.slice(1).reduce((n, c, i) => n + Math.max(0, chunks[i]!.start + chunks[i]!.text.length - c.start), 0);
const seenWhole = (chunks: Chunk[], text: string, at: number, length: number): boolean =>
  chunks.some((c) => c.start <= at && at + length <= c.start + c.text.length && c.text.slice(at - c.start, at - c.start + length) === text.slice(at, at + length));

const PROSE = [
  'Honey bees regulate the temperature of the brood nest to within a degree of 35 °C, even on cold spring mornings.',
  'Forage near towns is often richer than in intensively farmed countryside, thanks to gardens and street trees.',
  'Late summer feeding with thick syrup helps a light colony build stores before the first frosts.',
  'Swarming is how a colony reproduces: the old queen leaves with roughly half the workers.',
];

describe('chunkText', () => {
  it('keeps a text that fits one window whole', () => {
    expect(chunkText('Kwame Mensah lives at 12 Oak Road.')).toEqual([{ start: 0, text: 'Kwame Mensah lives at 12 Oak Road.' }]);
  });

  it('packs whole sentences into windows of about the trained length, without overlap', () => {
    const text = Array.from({ length: 40 }, (_, i) => PROSE[i % PROSE.length]).join(' ');
    const chunks = chunkText(text);
    expectCover(text, chunks);
    expect(overlap(chunks)).toBe(0);
    for (const c of chunks) expect(estimatePieces(c.text)).toBeLessThanOrEqual(WINDOW_PIECES);
    for (const c of chunks.slice(0, -1)) expect(c.text).toMatch(/\.\s$/);
    // The fewest windows sentence packing allows, about even in length: a run pads each to its longest.
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil((estimatePieces(text) * 1.25) / WINDOW_PIECES));
    expect(Math.min(...chunks.map((c) => estimatePieces(c.text)))).toBeGreaterThan(WINDOW_PIECES / 2);
  });

  it('keeps a text or a sentence within the trained length whole', () => {
    const sentence = `Kwame Mensah, ${'who keeps bees in the garden behind the old mill, '.repeat(8)}lives at 12 Oak Road.`;
    expect(estimatePieces(sentence)).toBeGreaterThan(WINDOW_PIECES);
    expect(estimatePieces(sentence)).toBeLessThanOrEqual(SENTENCE_PIECES);
    expect(chunkText(sentence)).toEqual([{ start: 0, text: sentence }]);
    const text = `${PROSE.join(' ')} ${sentence} ${PROSE.join(' ')}`;
    const chunks = chunkText(text);
    expectCover(text, chunks);
    expect(seenWhole(chunks, text, text.indexOf(sentence), sentence.length)).toBe(true);
  });

  it('does not end a window after an abbreviation or an initial inside a name', () => {
    const text = 'Yesterday I met Dr. Kwame Mensah and J. Osei at the market. '.repeat(60);
    const chunks = chunkText(text, 40);
    expectCover(text, chunks, 40);
    for (const c of chunks) expect(c.text).not.toMatch(/\b(?:Dr|J)\.\s*$/);
    for (const m of text.matchAll(/Dr\. Kwame Mensah|J\. Osei/g)) expect(seenWhole(chunks, text, m.index, m[0].length)).toBe(true);
  });

  it('repeats a short label line before a cut as the next window’s context', () => {
    const text = Array.from({ length: 12 }, (_, i) => `${PROSE[i % PROSE.length]}\nContact:\nKwame Mensah, 12 Oak Road, Accra\n`).join('');
    let cutAfterLabel = false;
    for (let maxPieces = 30; maxPieces <= 60; maxPieces++) {
      const chunks = chunkText(text, maxPieces);
      expectCover(text, chunks, maxPieces);
      for (const m of text.matchAll(/Contact:\nKwame Mensah/g)) expect(seenWhole(chunks, text, m.index, m[0].length), `${maxPieces} pieces`).toBe(true);
      cutAfterLabel ||= chunks.some((c) => c.text.endsWith('Contact:\n'));
    }
    expect(cutAfterLabel).toBe(true);
  });

  it('sees a name or an address on a cut inside a long sentence whole in one window', () => {
    const words = Array.from({ length: 200 }, (_, i) => ['river', 'stone', 'garden', 'window', 'yellow', 'quietly'][i % 6]);
    for (const entity of ['Kwame Mensah', 'Akua Serwaa Boateng', '12 Oak Road, Springfield, IL 62701']) {
      let cut = false;
      for (let at = 40; at < 110; at++) {
        const text = [...words.slice(0, at), entity, ...words.slice(at)].join(' ');
        const chunks = chunkText(text);
        expectCover(text, chunks);
        expect(seenWhole(chunks, text, text.indexOf(entity), entity.length), `${entity} after ${at} words`).toBe(true);
        cut ||= chunks.length > 1 && !seenWhole([chunks[0]!], text, text.indexOf(entity), entity.length) && chunks[0]!.start + chunks[0]!.text.length > text.indexOf(entity);
      }
      expect(cut, `a cut falls inside ${entity}`).toBe(true);
    }
  }, 60_000);

  describe.each([
    ['one 4,000-character sentence', Array.from({ length: 700 }, (_, i) => `word${i % 50}`).join(' ').slice(0, 4000)],
    ['4,000 characters without spaces', 'abcdefghij'.repeat(400)],
    ['digits without spaces', '0123456789'.repeat(400)],
    ['only line breaks', '\n'.repeat(4000)],
    ['short lines without spaces', 'Kwame\n'.repeat(700)],
    ['Arabic without spaces', 'محمدعبداللهيسكنفيالقاهرة'.repeat(170)],
    ['Hebrew with line breaks', 'דודלויגרבתלאביב\n'.repeat(250)],
    ['Chinese without spaces', '李明住在北京市朝阳区建国路八十八号，电话号码是一三八。'.repeat(150)],
    ['Japanese without spaces', '山田太郎は東京都港区に住んでいます'.repeat(230)],
    ['emoji without spaces', '😀🎉'.repeat(1000)],
  ])('hostile input: %s', (_, text) => {
    it('is covered by windows that fit, in order', () => {
      const chunks = chunkText(text);
      expectCover(text, chunks);
      expect(chunks.length).toBeLessThan(text.length / 20);
    });
  });
});

describe('estimatePieces', () => {
  it('counts punctuation and Han characters one each, short Latin words one, long ones more', () => {
    expect(estimatePieces('a, b.')).toBe(4);
    expect(estimatePieces('北京')).toBe(2);
    expect(estimatePieces('the cat sat')).toBe(3);
    expect(estimatePieces('Donaudampfschifffahrtsgesellschaft')).toBeGreaterThan(5);
  });
});
