import { describe, expect, it } from 'vitest';
import { LIMITS, contentMessageSchema, modelRequestSchema, uiRequestSchema, type PageObservation } from '../../../utils/messages';

const observation: PageObservation = {
  origin: 'https://example.com',
  title: 'Rivers',
  text: 'Rivers carry sediment.',
  lang: 'en',
  visitedAt: Date.UTC(2026, 0, 1),
  dwellMs: 5000,
  scrollDepth: 0.4,
  interactions: 1,
};
const message = (o: Record<string, unknown>) => ({ type: 'page-observation', observation: { ...observation, ...o } });
const accepts = (m: unknown) => contentMessageSchema.safeParse(m).success;

describe('content messages', () => {
  it('accepts a well-formed observation and the policy question', () => {
    expect(accepts(message({}))).toBe(true);
    expect(accepts({ type: 'collect-policy' })).toBe(true);
    expect(accepts(message({ origin: 'http://localhost:8080' }))).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://example.com/path',
    'https://example.com?q=1',
    'https://example.com#frag',
    'https://user:pw@example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'example.com',
  ])('rejects an origin that is not scheme://host[:port]: %s', (origin) => {
    expect(accepts(message({ origin }))).toBe(false);
  });

  it('rejects text and titles over the limits, and accepts them at the limit', () => {
    expect(accepts(message({ text: 'a'.repeat(LIMITS.textChars) }))).toBe(true);
    expect(accepts(message({ text: 'a'.repeat(LIMITS.textChars + 1) }))).toBe(false);
    expect(accepts(message({ title: 'a'.repeat(LIMITS.titleChars + 1) }))).toBe(false);
  });

  it.each([
    ['negative dwell', { dwellMs: -1 }],
    ['dwell over a day', { dwellMs: 86_400_001 }],
    ['scroll depth above 1', { scrollDepth: 1.5 }],
    ['fractional interactions', { interactions: 1.5 }],
    ['zero visitedAt', { visitedAt: 0 }],
    ['a non-string text', { text: 42 }],
  ])('rejects %s', (_label, change) => {
    expect(accepts(message(change))).toBe(false);
  });

  it('rejects unknown message types and shapeless input', () => {
    expect(accepts({ type: 'page-observation' })).toBe(false);
    expect(accepts({ type: 'steal-keys' })).toBe(false);
    expect(accepts({ observation })).toBe(false);
    expect(accepts(null)).toBe(false);
    expect(accepts('page-observation')).toBe(false);
  });
});

describe('UI and model requests', () => {
  it('accepts known UI requests and rejects unknown or malformed ones', () => {
    expect(uiRequestSchema.safeParse({ type: 'set-site-rule', origin: 'https://a.example', rule: null }).success).toBe(true);
    expect(uiRequestSchema.safeParse({ type: 'set-site-rule', origin: 'https://a.example/x', rule: 'allow' }).success).toBe(false);
    expect(uiRequestSchema.safeParse({ type: 'delete', scope: { kind: 'items', ids: [] } }).success).toBe(false);
    expect(uiRequestSchema.safeParse({ type: 'delete', scope: { kind: 'day', day: '25/11/2026' } }).success).toBe(false);
    expect(uiRequestSchema.safeParse({ type: 'export-keys' }).success).toBe(false);
  });

  it('model requests must target the offscreen document and carry bounded pages', () => {
    const page = { title: 't', text: 'x' };
    expect(modelRequestSchema.safeParse({ type: 'model:process', target: 'offscreen', pages: [page] }).success).toBe(true);
    expect(modelRequestSchema.safeParse({ type: 'model:process', target: 'background', pages: [page] }).success).toBe(false);
    expect(modelRequestSchema.safeParse({ type: 'model:process', target: 'offscreen', pages: [] }).success).toBe(false);
    expect(
      modelRequestSchema.safeParse({ type: 'model:process', target: 'offscreen', pages: [{ title: 't', text: 'a'.repeat(LIMITS.textChars + 1) }] })
        .success,
    ).toBe(false);
  });
});
