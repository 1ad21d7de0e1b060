import { describe, expect, it } from 'vitest';
import { decideTdm, locationMatches, TDMREP_MAX_CHARS, type TdmRule } from '../../../utils/consent/tdm';
import {
  freshnessMs,
  parseTdmRep,
  tdmRepEntry,
  TDMREP_DEFAULT_TTL_MS,
  TDMREP_FAILURE_TTL_MS,
  TDMREP_MAX_RULES,
  TDMREP_MAX_TTL_MS,
  TDMREP_MIN_TTL_MS,
} from '../../../utils/consent/tdmrep-file';

const rule = (location: string, reservation: 0 | 1 | null): TdmRule => ({ location, reservation });

describe('decideTdm', () => {
  const path = '/news/2026/rivers.html';

  it('a page without meta on an origin without rules is not reserved', () => {
    expect(decideTdm({ path, meta: [], file: [] })).toEqual({ reserved: false, reason: 'no-declaration' });
  });

  it('meta 1 reserves whatever the origin says; meta 0 lifts the origin’s reservation; both at once reserve', () => {
    expect(decideTdm({ path, meta: [' 1 '], file: [rule('/', 0)] })).toEqual({ reserved: true, reason: 'page-meta' });
    expect(decideTdm({ path, meta: ['0'], file: [rule('/', 1)] })).toEqual({ reserved: false, reason: 'page-meta' });
    expect(decideTdm({ path, meta: ['0', '1'], file: [] }).reserved).toBe(true);
  });

  it('a meta value other than 0 or 1 is unset and leaves the decision to the origin’s file', () => {
    for (const value of ['yes', '2', 'true', '', '1.0']) {
      expect(decideTdm({ path, meta: [value], file: [rule('/news/', 1)] })).toEqual({ reserved: true, reason: 'origin-file' });
      expect(decideTdm({ path, meta: [value], file: [] }).reserved).toBe(false);
    }
  });

  it('the first matching rule decides, even when a later one would say otherwise', () => {
    expect(decideTdm({ path, meta: [], file: [rule('/news/2026/', 0), rule('/news/', 1)] })).toEqual({ reserved: false, reason: 'origin-file' });
    expect(decideTdm({ path, meta: [], file: [rule('/sport/', 0), rule('/news/', 1)] })).toEqual({ reserved: true, reason: 'origin-file' });
    // A matching rule with an invalid value is unset: no reservation, as TDMRep says.
    expect(decideTdm({ path, meta: [], file: [rule('/news/', null), rule('/', 1)] })).toEqual({ reserved: false, reason: 'no-declaration' });
  });

  it('while the origin’s file is not known the page counts as reserved, unless its own meta says 0', () => {
    expect(decideTdm({ path, meta: [], file: 'pending' })).toEqual({ reserved: true, reason: 'lookup-pending' });
    expect(decideTdm({ path, meta: ['0'], file: 'pending' }).reserved).toBe(false);
  });
});

describe('locationMatches (TDMRep / robots.txt patterns)', () => {
  it.each([
    ['/', '/', true],
    ['/', '/anything/at/all?x=1', true],
    ['/directory-a/', '/directory-a/report.pdf', true],
    ['/directory-a/', '/directory-b/report.pdf', false],
    ['/directory-a/', '/directory-a', false],
    ['/fish', '/fish.html', true],
    ['/fish', '/Fish.html', false],
    ['/fish$', '/fish', true],
    ['/fish$', '/fish/', false],
    ['/fish$', '/fish?q=1', false],
    ['/*.php', '/index.php', true],
    ['/*.php', '/folder/filename.php?parameters', true],
    ['/*.php$', '/filename.php', true],
    ['/*.php$', '/filename.php?parameters', false],
    ['/*.php$', '/filename.php5', false],
    ['/fish*.php', '/fish.php', true],
    ['/fish*.php', '/fishheads/catfish.php?parameters', true],
    ['/fish*.php', '/Fish.PHP', false],
    ['/directory-b/images/*.jpg', '/directory-b/images/a/b.jpg', true],
    ['/directory-b/images/*.jpg', '/directory-b/images/b.png', false],
    ['/*/then', '/this/and/then', true],
    ['*', '/x', true],
    ['/a*b*c$', '/abc', true],
    ['/a*b*c$', '/acb', false],
    ['/a*c$', '/abcbc', true],
    ['/ab*b$', '/ab', false],
  ])('%s against %s: %s', (location, path, expected) => {
    expect(locationMatches(location, path)).toBe(expected);
  });

  it('compares percent-encodings canonically: unreserved characters decoded, hex in either case, UTF-8 for other characters', () => {
    expect(locationMatches('/%7Euser/', '/~user/page')).toBe(true);
    expect(locationMatches('/~user/', '/%7euser/page')).toBe(true);
    expect(locationMatches('/a%2fb', '/a%2Fb')).toBe(true);
    // A reserved character stays encoded: %2F is not a path separator.
    expect(locationMatches('/a%2Fb', '/a/b')).toBe(false);
    expect(locationMatches('/café/', '/caf%C3%A9/menu')).toBe(true);
    expect(locationMatches('/caf%c3%a9/', '/café/menu')).toBe(true);
  });

  it('a literal $ or * is written %24 or %2A in the pattern; the path’s own are not wildcards', () => {
    expect(locationMatches('/path/foo-%24', '/path/foo-$')).toBe(true);
    expect(locationMatches('/path/foo-$', '/path/foo-')).toBe(true);
    expect(locationMatches('/price/%2A', '/price/*')).toBe(true);
    expect(locationMatches('/price/%2A', '/price/a')).toBe(false);
  });

  it('a hostile pattern full of stars against a long path answers without backtracking', () => {
    const location = `/${'a*'.repeat(1000)}b$`;
    const path = `/${'a'.repeat(20_000)}`;
    expect(locationMatches(location, path)).toBe(false);
    expect(locationMatches(location, `${path}b`)).toBe(true);
  });
});

describe('parseTdmRep', () => {
  it('reads the rules of a TDMRep file in order, ignoring tdm-policy', () => {
    const body = JSON.stringify([
      { location: '/directory-a/', 'tdm-reservation': 1 },
      { location: '/directory-b/html/', 'tdm-reservation': 1, 'tdm-policy': 'https://provider.example/policies/policy.json' },
      { location: '/directory-b/images/*.jpg', 'tdm-reservation': 0 },
    ]);
    expect(parseTdmRep(body)).toEqual([rule('/directory-a/', 1), rule('/directory-b/html/', 1), rule('/directory-b/images/*.jpg', 0)]);
  });

  it('a body that is no TDMRep file has no rules', () => {
    for (const body of ['', '<!doctype html><title>Not found</title>', '{"location":"/","tdm-reservation":1}', '"[]"', 'null', '[{"location":"/",', '1']) {
      expect(parseTdmRep(body)).toEqual([]);
    }
  });

  it('skips entries that are no rule and keeps an invalid reservation value as unset', () => {
    const body = JSON.stringify([
      null,
      42,
      ['/', 1],
      { location: 7, 'tdm-reservation': 1 },
      { location: '', 'tdm-reservation': 1 },
      { location: `/${'x'.repeat(5000)}`, 'tdm-reservation': 1 },
      { 'tdm-reservation': 1 },
      { location: '/a/', 'tdm-reservation': '1' },
      { location: '/b/', 'tdm-reservation': 2 },
      { location: '/c/', 'tdm-reservation': true },
      { location: '/d/' },
      { location: '/e/', 'tdm-reservation': 1 },
    ]);
    expect(parseTdmRep(body)).toEqual([rule('/a/', null), rule('/b/', null), rule('/c/', null), rule('/d/', null), rule('/e/', 1)]);
  });

  it('a file longer than the limit, or with more rules than the limit, is not read', () => {
    const padded = `[{"location":"/","tdm-reservation":1}${' '.repeat(TDMREP_MAX_CHARS)}]`;
    expect(parseTdmRep(padded)).toEqual([]);
    const many = JSON.stringify(Array.from({ length: TDMREP_MAX_RULES + 1 }, () => ({ location: '/', 'tdm-reservation': 1 })));
    expect(many.length).toBeLessThan(TDMREP_MAX_CHARS);
    expect(parseTdmRep(many)).toEqual([]);
  });
});

describe('freshness of an origin’s answer', () => {
  const now = Date.UTC(2026, 11, 2, 6);
  const response = (headers: Partial<{ cacheControl: string; expires: string; date: string; age: string }>) => ({
    status: 200,
    body: '[]',
    cacheControl: headers.cacheControl ?? null,
    expires: headers.expires ?? null,
    date: headers.date ?? null,
    age: headers.age ?? null,
  });
  const http = (ms: number) => new Date(ms).toUTCString();

  it('max-age, less Age, is how long the answer is kept', () => {
    expect(freshnessMs(response({ cacheControl: 'public, max-age=3600' }), now)).toBe(3_600_000);
    expect(freshnessMs(response({ cacheControl: 'max-age=3600', age: '600' }), now)).toBe(3_000_000);
    // max-age wins over Expires.
    expect(freshnessMs(response({ cacheControl: 'max-age=7200', expires: http(now + 60_000) }), now)).toBe(7_200_000);
  });

  it('without max-age, Expires less Date', () => {
    expect(freshnessMs(response({ expires: http(now + 2 * 3_600_000), date: http(now - 3_600_000) }), now)).toBe(3 * 3_600_000);
    expect(freshnessMs(response({ expires: http(now + 2 * 3_600_000) }), now)).toBe(2 * 3_600_000);
  });

  it('no caching headers: the default; no-store, no-cache, max-age=0, an invalid or past Expires: the minimum; a year: the maximum', () => {
    expect(freshnessMs(response({}), now)).toBe(TDMREP_DEFAULT_TTL_MS);
    for (const headers of [{ cacheControl: 'no-store' }, { cacheControl: 'No-Cache, max-age=600' }, { cacheControl: 'max-age=0' }, { expires: '0' }, { expires: http(now - 60_000) }]) {
      expect(freshnessMs(response(headers), now)).toBe(TDMREP_MIN_TTL_MS);
    }
    expect(freshnessMs(response({ cacheControl: 'max-age=31536000' }), now)).toBe(TDMREP_MAX_TTL_MS);
    expect(freshnessMs(response({ cacheControl: 'max-age=banana' }), now)).toBe(TDMREP_DEFAULT_TTL_MS);
  });

  it('any failure is no reservation found: 404 and 500 kept as their headers say, no response for a short while', () => {
    const reserved = JSON.stringify([{ location: '/', 'tdm-reservation': 1 }]);
    expect(tdmRepEntry({ ...response({ cacheControl: 'max-age=600' }), body: reserved }, now)).toEqual({ rules: [rule('/', 1)], expiresAt: now + 600_000 });
    expect(tdmRepEntry({ ...response({}), status: 404, body: null }, now)).toEqual({ rules: [], expiresAt: now + TDMREP_DEFAULT_TTL_MS });
    expect(tdmRepEntry({ ...response({ cacheControl: 'no-store' }), status: 500, body: reserved }, now)).toEqual({ rules: [], expiresAt: now + TDMREP_MIN_TTL_MS });
    expect(tdmRepEntry({ ...response({}), body: '{oops' }, now).rules).toEqual([]);
    expect(tdmRepEntry(null, now)).toEqual({ rules: [], expiresAt: now + TDMREP_FAILURE_TTL_MS });
  });
});
