// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://news.example/articles/rivers?x=1"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchTdmRep } from '../../../utils/collect/tdm-sources';
import { TDMREP_MAX_CHARS } from '../../../utils/consent/tdm';

afterEach(() => vi.restoreAllMocks());

const FILE = '[{"location":"/","tdm-reservation":1}]';

describe('fetchTdmRep', () => {
  it('asks the page’s own origin only, same-origin mode, without cookies, referrer or the HTTP cache, and hands over status, body and caching headers', async () => {
    const fetch = vi.spyOn(window, 'fetch').mockResolvedValue(
      new Response(FILE, { status: 200, headers: { 'cache-control': 'max-age=600', expires: 'Wed, 02 Dec 2026 07:00:00 GMT', age: '5' } }),
    );
    expect(await fetchTdmRep(window)).toEqual({ status: 200, body: FILE, cacheControl: 'max-age=600', expires: 'Wed, 02 Dec 2026 07:00:00 GMT', date: null, age: '5' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('https://news.example/.well-known/tdmrep.json');
    expect(init).toMatchObject({ mode: 'same-origin', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('stops reading a body longer than the limit and hands over none', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    vi.spyOn(window, 'fetch').mockResolvedValue(new Response(endless, { status: 200 }));
    expect(await fetchTdmRep(window)).toMatchObject({ status: 200, body: null });
    expect(pulled * chunk.byteLength).toBeLessThan(TDMREP_MAX_CHARS + 3 * chunk.byteLength);
  });

  it('a body at the limit is handed over whole; an error status without its body; no response as null', async () => {
    const atLimit = `[${' '.repeat(TDMREP_MAX_CHARS - 2)}]`;
    vi.spyOn(window, 'fetch').mockResolvedValueOnce(new Response(atLimit, { status: 200 }));
    expect((await fetchTdmRep(window))?.body).toBe(atLimit);
    vi.spyOn(window, 'fetch').mockResolvedValueOnce(new Response('<h1>Not found</h1>', { status: 404 }));
    expect(await fetchTdmRep(window)).toMatchObject({ status: 404, body: null });
    vi.spyOn(window, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await fetchTdmRep(window)).toBeNull();
  });
});
