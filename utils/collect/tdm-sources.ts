import { TDMREP_MAX_CHARS, TDMREP_PATH } from '../consent/tdm';
import type { TdmRepResponse } from '../consent/tdmrep-file';

/** A site that does not answer within this long has no file, as far as this visit goes. */
export const TDMREP_TIMEOUT_MS = 5000;

/**
 * Asks the page's own origin for /.well-known/tdmrep.json, from the page, for the background to
 * read (utils/consent/tdmrep-file.ts). `same-origin` mode: a redirect to any other origin fails
 * the request instead of being followed, so no other host is ever asked. No cookies, no referrer,
 * and not the browser's HTTP cache: the background keeps the answer as long as its caching
 * headers allow. At most TDMREP_MAX_CHARS bytes of body are read. Null when no response came.
 */
export async function fetchTdmRep(win: Window): Promise<TdmRepResponse> {
  try {
    const response = await win.fetch(new URL(TDMREP_PATH, win.location.origin), {
      mode: 'same-origin',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TDMREP_TIMEOUT_MS),
    });
    const header = (name: string) => response.headers.get(name);
    return {
      status: response.status,
      body: response.ok ? await boundedText(response) : null,
      cacheControl: header('cache-control')?.slice(0, 1024) ?? null,
      expires: header('expires')?.slice(0, 256) ?? null,
      date: header('date')?.slice(0, 256) ?? null,
      age: header('age')?.slice(0, 64) ?? null,
    };
  } catch {
    return null;
  }
}

/** The body as text, or null once it is longer than TDMREP_MAX_CHARS bytes (the rest is not downloaded). */
async function boundedText(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > TDMREP_MAX_CHARS) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
