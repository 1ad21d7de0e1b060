import { describe, expect, it } from 'vitest';
import { claimDocument } from '../../../utils/collect/claim-document';

describe('claimDocument', () => {
  it('claims a window once: a second injection into the same document does nothing', () => {
    const win = {} as Window;
    expect(claimDocument(win)).toBe(true);
    expect(claimDocument(win)).toBe(false);
    expect(claimDocument(win)).toBe(false);
  });

  it('claims each new document’s window afresh, and leaves no enumerable trace on it', () => {
    const first = {} as Window;
    const next = {} as Window;
    expect(claimDocument(first)).toBe(true);
    expect(claimDocument(next)).toBe(true);
    expect(Object.keys(next)).toEqual([]);
  });
});
