import { readFileSync } from 'node:fs';

/** One request as Chromium's network service started it. */
export interface NetLogRequest {
  url: string;
  method: string;
  /**
   * The origin that caused it (`chrome-extension://<id>` for the extension's worker, offscreen
   * document and pages; the page's origin for pages); null for browser-initiated requests
   * (navigations, Chromium's own services), which the log writes as "not an origin" or omits.
   */
  initiator: string | null;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; method?: string; initiator?: string } }[];
}

/** Chromium flag that makes it log every network request of every context to `file`; complete once the browser has closed. */
export const netLogArgs = (file: string) => [`--log-net-log=${file}`];

export function readNetLogRequests(file: string): NetLogRequest[] {
  const log = JSON.parse(readFileSync(file, 'utf8')) as NetLog;
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && e.params?.url)
    .map(({ params }) => ({
      url: params!.url!,
      method: params!.method ?? 'GET',
      initiator: params!.initiator && params!.initiator !== 'not an origin' ? params!.initiator : null,
    }));
}
