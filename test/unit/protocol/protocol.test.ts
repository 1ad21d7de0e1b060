import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../utils/wire/signal';
import { collectPolicySchema, observerMessageSchema, type PageObservation } from '../../../utils/protocol/page-observer';
import { modelReplySchema, modelRequestSchema } from '../../../utils/protocol/model-host';
import { extensionStateSchema, itemsReplySchema, uiRequestSchema } from '../../../utils/protocol/ui';
import { EXTENSION_STATE } from '../support/extension-state';

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
const URL_ = 'https://example.com/rivers';
const message = (o: Record<string, unknown>) => ({ type: 'page-observation', url: URL_, observation: { ...observation, ...o } });
const accepts = (m: unknown) => observerMessageSchema.safeParse(m).success;

describe('page observer messages', () => {
  it('accepts a well-formed observation and the policy question', () => {
    expect(accepts(message({}))).toBe(true);
    expect(accepts({ type: 'collect-policy', url: URL_ })).toBe(true);
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

  it('accepts an origin’s tdmrep.json answer within its bounds, or none, and a reserved observation', () => {
    const response = { status: 200, body: '[]', cacheControl: 'max-age=60', expires: null, date: null, age: null };
    expect(accepts({ type: 'tdmrep', url: URL_, response })).toBe(true);
    expect(accepts({ type: 'tdmrep', url: URL_, response: null })).toBe(true);
    expect(accepts({ type: 'tdmrep', url: URL_, response: { ...response, body: 'x'.repeat(64 * 1024 + 1) } })).toBe(false);
    expect(accepts({ type: 'tdmrep', url: URL_, response: { ...response, status: '200' } })).toBe(false);
    expect(accepts({ type: 'tdmrep', url: URL_ })).toBe(false);
    expect(accepts(message({ title: '', text: '', tdmReserved: true }))).toBe(true);
    expect(accepts(message({ tdmReserved: false }))).toBe(false);
  });

  it('rejects text and titles over the limits, and accepts them at the limit', () => {
    expect(accepts(message({ text: 'a'.repeat(TEXT_LIMITS.textChars) }))).toBe(true);
    expect(accepts(message({ text: 'a'.repeat(TEXT_LIMITS.textChars + 1) }))).toBe(false);
    expect(accepts(message({ title: 'a'.repeat(TEXT_LIMITS.titleChars + 1) }))).toBe(false);
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
    expect(accepts({ type: 'page-observation', observation })).toBe(false);
    expect(accepts({ type: 'collect-policy' })).toBe(false);
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
      modelRequestSchema.safeParse({ type: 'model:process', target: 'offscreen', pages: [{ title: 't', text: 'a'.repeat(TEXT_LIMITS.textChars + 1) }] })
        .success,
    ).toBe(false);
  });
});

describe('replies are checked on arrival too', () => {
  const processed = { title: '[PERSON]', text: 'x', entityCounts: { PERSON: 1 }, embedding: [0.6, 0.8], models: { embed: 'e', ner: 'n' } };

  it('a model reply carries processed pages or an error, nothing else', () => {
    expect(modelReplySchema.safeParse({ ok: true, pages: [processed] }).success).toBe(true);
    expect(modelReplySchema.safeParse({ ok: false, error: 'models failed to load' }).success).toBe(true);
    expect(modelReplySchema.safeParse({ ok: true }).success).toBe(false);
    expect(modelReplySchema.safeParse({ ok: true, pages: [{ ...processed, embedding: 'not numbers' }] }).success).toBe(false);
    expect(modelReplySchema.safeParse({ ok: true, pages: [{ ...processed, models: undefined }] }).success).toBe(false);
    expect(modelReplySchema.safeParse(undefined).success).toBe(false);
  });

  it('the collect policy answer needs a decision, every signal toggle and what is known of the origin’s TDMRep rules', () => {
    expect(collectPolicySchema.safeParse({ collect: true, signals: { text: true, dwell: false, scroll: true }, tdm: null }).success).toBe(true);
    const rules = [{ location: '/', reservation: 1 }, { location: '/a', reservation: null }];
    expect(collectPolicySchema.safeParse({ collect: true, signals: { text: true, dwell: false, scroll: true }, tdm: rules }).success).toBe(true);
    expect(collectPolicySchema.safeParse({ collect: true, signals: { text: true, dwell: false, scroll: true } }).success).toBe(false);
    expect(collectPolicySchema.safeParse({ collect: true, signals: { text: true, dwell: false, scroll: true }, tdm: [{ location: '/', reservation: 2 }] }).success).toBe(false);
    expect(collectPolicySchema.safeParse({ collect: true }).success).toBe(false);
    expect(collectPolicySchema.safeParse({ collect: 'yes', signals: { text: true, dwell: true, scroll: true } }).success).toBe(false);
    expect(collectPolicySchema.safeParse(null).success).toBe(false);
  });

  it('an items listing must list items the dashboard can show', () => {
    const item = { id: 'a', origin: 'https://a.example', visitedAt: 1, dwellMs: 0, scrollDepth: 0, interactions: 0, attempts: 0, status: 'processing', raw: { title: 't', text: 'x' } };
    const communityModel = { model: null, check: null };
    expect(itemsReplySchema.safeParse({ items: [item], deletions: [], inclusion: {}, communityModel }).success).toBe(true);
    expect(itemsReplySchema.safeParse({ items: [{ ...item, status: 'lost' }], deletions: [], inclusion: {}, communityModel }).success).toBe(false);
    expect(itemsReplySchema.safeParse({ items: [], deletions: [], communityModel }).success).toBe(false);
    expect(itemsReplySchema.safeParse({ items: [item], deletions: [], inclusion: {} }).success).toBe(false);
  });

  it('the extension state counts items in every state', () => {
    const counts = { processing: 0, held: 0, ready: 0, queued: 0, sent: 0, failed: 0 };
    const { processing: _missing, ...incomplete } = counts;
    const state = (items: object) => ({ ...EXTENSION_STATE, items });
    expect(extensionStateSchema.safeParse(state(counts)).success).toBe(true);
    expect(extensionStateSchema.safeParse(state(incomplete)).success).toBe(false);
  });
});
