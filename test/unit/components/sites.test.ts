import { describe, expect, it } from 'vitest';
import { sensitiveNote, sensitiveReason } from '@/utils/ui/sites';

describe('sensitiveReason', () => {
  it('names the default exclusion of a sensitive site', () => {
    expect(sensitiveReason('https://www.paypal.com')).toEqual({ reason: 'banking or payments', overridable: true });
    expect(sensitiveReason('https://mail.google.com')).toEqual({ reason: 'webmail', overridable: true });
    expect(sensitiveReason('https://login.example.com')).toEqual({ reason: 'login', overridable: false });
  });

  it('says whether a rule lifts the exclusion', () => {
    expect(sensitiveNote('https://mail.google.com', 'allow')).toBe('webmail — excluded by default, allowed by this rule');
    expect(sensitiveNote('https://login.example.com', 'allow')).toBe('login — never collected, even with this rule');
    expect(sensitiveNote('https://mail.google.com', 'deny')).toBe('webmail — excluded by default anyway');
    expect(sensitiveNote('https://news.example', 'allow')).toBeNull();
  });

  it('gives null for an ordinary site', () => {
    expect(sensitiveReason('https://news.example')).toBeNull();
    expect(sensitiveReason('http://127.0.0.1:8080')).toBeNull();
  });
});
