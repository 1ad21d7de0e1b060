import { z } from 'zod';
import { TDMREP_MAX_CHARS, type TdmRule } from './tdm';

export const TDMREP_MAX_RULES = 1000;
const MAX_LOCATION_CHARS = 2048;

/** How long an origin's answer is kept when its response says nothing about caching. */
export const TDMREP_DEFAULT_TTL_MS = 24 * 3_600_000;
/** However long a response allows, the file is asked again after a week. */
export const TDMREP_MAX_TTL_MS = 7 * 24 * 3_600_000;
/** `no-store`, `no-cache`, `max-age=0`: kept this long all the same, or every page view would ask again. */
export const TDMREP_MIN_TTL_MS = 60_000;
/** No response at all (network error, timeout, a redirect to another origin): asked again this soon. */
export const TDMREP_FAILURE_TTL_MS = 5 * 60_000;

/** What the page observer got when it asked the page's origin for its file; null when no response came. */
export const tdmRepResponseSchema = z
  .object({
    status: z.number().int().min(0).max(999),
    /** The body as text; null when it could not be read or was longer than TDMREP_MAX_CHARS. */
    body: z.string().max(TDMREP_MAX_CHARS).nullable(),
    cacheControl: z.string().max(1024).nullable(),
    expires: z.string().max(256).nullable(),
    date: z.string().max(256).nullable(),
    age: z.string().max(64).nullable(),
  })
  .nullable();
export type TdmRepResponse = z.infer<typeof tdmRepResponseSchema>;

const ruleSchema = z.object({
  location: z.string().min(1).max(MAX_LOCATION_CHARS),
  // TDMRep: any other value is a protocol error and counts as unset; the rule still matches.
  'tdm-reservation': z.union([z.literal(0), z.literal(1)]).nullable().catch(null),
});

export const tdmRuleSchema = z.object({
  location: z.string().max(MAX_LOCATION_CHARS),
  reservation: z.union([z.literal(0), z.literal(1)]).nullable(),
});

/**
 * The rules of a tdmrep.json body, in order. A body that is not a JSON array (an HTML "not found"
 * page served with 200, a truncated file, an object) has no rules; an entry without a string
 * `location` is no rule and is skipped. `tdm-policy` is not read: the extension never asks for a licence.
 */
export function parseTdmRep(body: string): TdmRule[] {
  if (body.length > TDMREP_MAX_CHARS) return [];
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const entries = z.array(z.unknown()).max(TDMREP_MAX_RULES).safeParse(json);
  if (!entries.success) return [];
  return entries.data.flatMap((entry) => {
    const rule = ruleSchema.safeParse(entry);
    return rule.success ? [{ location: rule.data.location, reservation: rule.data['tdm-reservation'] }] : [];
  });
}

/**
 * How long a response may be used (RFC 9111 §4.2.1, as a private cache): `max-age`, else
 * `Expires` − `Date`, else the default; less its `Age`; `no-store`/`no-cache` as zero; kept
 * between the minimum and the maximum.
 */
export function freshnessMs(response: NonNullable<TdmRepResponse>, now: number): number {
  const directives = (response.cacheControl ?? '').toLowerCase().split(',').map((d) => d.trim());
  const maxAge = directives.map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)?.[1]).find((v) => v !== undefined);
  let lifetime: number;
  if (directives.includes('no-store') || directives.includes('no-cache')) lifetime = 0;
  else if (maxAge !== undefined) lifetime = Number(maxAge) * 1000;
  else if (response.expires !== null) {
    // An invalid Expires means already expired.
    const expires = Date.parse(response.expires);
    const date = response.date === null ? NaN : Date.parse(response.date);
    lifetime = Number.isNaN(expires) ? 0 : expires - (Number.isNaN(date) ? now : date);
  } else lifetime = TDMREP_DEFAULT_TTL_MS;
  const age = Number(response.age ?? 0);
  const fresh = lifetime - (Number.isFinite(age) && age > 0 ? age * 1000 : 0);
  return Math.min(TDMREP_MAX_TTL_MS, Math.max(TDMREP_MIN_TTL_MS, fresh));
}

export interface TdmRepEntry {
  rules: TdmRule[];
  expiresAt: number;
}

/**
 * What an origin's answer means, and until when: a file that parses gives its rules; any other
 * answer (404, another status, a body that is no tdmrep.json, too long, no response) means no
 * reservation found.
 */
export function tdmRepEntry(response: TdmRepResponse, now: number): TdmRepEntry {
  if (response === null) return { rules: [], expiresAt: now + TDMREP_FAILURE_TTL_MS };
  const rules = response.status >= 200 && response.status < 300 && response.body !== null ? parseTdmRep(response.body) : [];
  return { rules, expiresAt: now + freshnessMs(response, now) };
}
