import { describe, expect, it } from 'vitest';
import { collectableOrigin, parseOriginInput } from '@/utils/ui/origin';
import { siteForRule } from '@/utils/ui/site-tab';

describe('parseOriginInput', () => {
  it('reduces a URL to its origin', () => {
    expect(parseOriginInput(' https://Example.com/path?q=1#x ')).toEqual({ ok: true, origin: 'https://example.com' });
    expect(parseOriginInput('http://localhost:8080/a')).toEqual({ ok: true, origin: 'http://localhost:8080' });
  });

  it('reads a bare host as https', () => {
    expect(parseOriginInput('news.example.org')).toEqual({ ok: true, origin: 'https://news.example.org' });
  });

  it('rejects non-web schemes, empty input and non-hosts', () => {
    for (const bad of ['', '   ', 'ftp://example.com', 'chrome://settings', 'javascript:alert(1)', 'hello', 'http://']) {
      expect(parseOriginInput(bad).ok, bad).toBe(false);
    }
  });
});

describe('collectableOrigin', () => {
  it('gives the origin of web pages only', () => {
    expect(collectableOrigin('https://a.example/x')).toBe('https://a.example');
    expect(collectableOrigin('chrome-extension://abc/popup.html')).toBeNull();
    expect(collectableOrigin('about:blank')).toBeNull();
    expect(collectableOrigin(undefined)).toBeNull();
  });
});

describe('siteForRule', () => {
  const EXT = 'chrome-extension://abc/';

  it('uses the active web tab', () => {
    expect(siteForRule([{ url: 'https://b.example/', active: false, lastAccessed: 9 }, { url: 'https://a.example/p', active: true }], EXT)).toBe('https://a.example');
  });

  it('falls back to the most recent web tab only when the popup page is itself the active tab', () => {
    const tabs = [
      { url: `${EXT}popup.html`, active: true, lastAccessed: 10 },
      { url: 'https://old.example/', lastAccessed: 1 },
      { url: 'https://recent.example/', lastAccessed: 5 },
      { url: 'chrome://newtab/', lastAccessed: 8 },
    ];
    expect(siteForRule(tabs, EXT)).toBe('https://recent.example');
  });

  it('gives null on a browser page rather than guessing another tab', () => {
    expect(siteForRule([{ url: 'chrome://newtab/', active: true }, { url: 'https://a.example/' }], EXT)).toBeNull();
  });
});
