import { describe, expect, it } from 'vitest';
import { scoreLine, tokensOf } from '../../../bench/anonymize';

const line = (text: string, entities: { type: string; start: number; end: number }[]) => ({ id: 't', text, entities });
const fresh = () => ({ identTotal: {} as Record<string, number>, identLeaked: {} as Record<string, number>, plainTotal: 0, plainRemoved: 0 });

describe('bench metric', () => {
  const l = line('Name:Ana de Souza, de Lisboa.', [{ type: 'PERSON', start: 5, end: 17 }]);

  it('splits whitespace tokens at gold-span edges and trims punctuation', () => {
    expect(tokensOf(l)).toEqual({
      ident: [{ word: 'Ana', type: 'PERSON' }, { word: 'de', type: 'PERSON' }, { word: 'Souza', type: 'PERSON' }],
      plain: ['Name', 'de', 'Lisboa'],
    });
  });
  it('counts a perfect redaction as no leak and no over-redaction, even with a repeated common word', () => {
    const acc = fresh();
    scoreLine(l, 'Name:[PERSON], de Lisboa.', acc);
    expect(acc).toEqual({ identTotal: { PERSON: 3 }, identLeaked: {}, plainTotal: 3, plainRemoved: 0 });
  });
  it('counts leaked identifier tokens and removed plain tokens', () => {
    const acc = fresh();
    scoreLine(l, 'Name:Ana [X] de de [X].', acc);
    expect(acc.identLeaked).toEqual({ PERSON: 2 });
    expect(acc.plainRemoved).toBe(1);
  });
});
