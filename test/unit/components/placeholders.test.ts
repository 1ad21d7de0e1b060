import { describe, expect, it } from 'vitest';
import { splitPlaceholders } from '@/utils/ui/placeholders';
import { redact } from '@/utils/anonymize/redact';

describe('splitPlaceholders', () => {
  it('splits text around placeholders, in order', () => {
    expect(splitPlaceholders('Mail [PERSON] at [EMAIL].')).toEqual([
      { kind: 'text', text: 'Mail ' },
      { kind: 'placeholder', text: '[PERSON]', entity: 'PERSON' },
      { kind: 'text', text: ' at ' },
      { kind: 'placeholder', text: '[EMAIL]', entity: 'EMAIL' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('handles adjacent placeholders and placeholders at both ends', () => {
    expect(splitPlaceholders('[PHONE][ADDRESS] x [ID]').map((s) => s.kind)).toEqual(['placeholder', 'placeholder', 'text', 'placeholder']);
  });

  it('leaves bracketed words the anonymizer never writes as plain text', () => {
    expect(splitPlaceholders('See [EDIT] and [citation needed] and [person]')).toEqual([
      { kind: 'text', text: 'See [EDIT] and [citation needed] and [person]' },
    ]);
  });

  it('returns no segments for empty text', () => {
    expect(splitPlaceholders('')).toEqual([]);
  });

  it('round-trips what the redactor produces', () => {
    const text = 'Call Ann Lee on 555-0100 or ann@example.com';
    const { redacted } = redact(text, [
      { type: 'PERSON', start: 5, end: 12, source: 'rule' },
      { type: 'PHONE', start: 16, end: 24, source: 'rule' },
      { type: 'EMAIL', start: 28, end: 43, source: 'rule' },
    ]);
    const segments = splitPlaceholders(redacted);
    expect(segments.map((s) => s.text).join('')).toBe(redacted);
    expect(segments.filter((s) => s.kind === 'placeholder').map((s) => s.text)).toEqual(['[PERSON]', '[PHONE]', '[EMAIL]']);
  });
});
