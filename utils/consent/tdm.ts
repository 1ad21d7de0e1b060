// Site owners' text-and-data-mining reservations (EU DSM Directive Art. 4; W3C TDMRep, final
// community group report 2024): the one decision whether a page's title and text may enter an
// item. Pure and free of zod: it runs in the page observer, a script injected into every observed
// page. The origin's file is read and validated in the background (tdmrep-file.ts).

/** Where TDMRep puts an origin's file. */
export const TDMREP_PATH = '/.well-known/tdmrep.json';
/** A real file holds a handful of rules; a longer one is not read at all. */
export const TDMREP_MAX_CHARS = 64 * 1024;

/** One rule of an origin's /.well-known/tdmrep.json; `reservation` null where the file gave no valid value. */
export interface TdmRule {
  location: string;
  reservation: 0 | 1 | null;
}

/** What the observer could learn about one visit. */
export interface TdmSources {
  /** The visit's path and query, as the page's address has them (percent-encoded). */
  path: string;
  /** `content` of every `<meta name="tdm-reservation">` in the document. */
  meta: readonly string[];
  /** The origin's rules (`[]` when it has no usable file), or 'pending' while the lookup has not answered. */
  file: readonly TdmRule[] | 'pending';
}

export type TdmDecision =
  | { reserved: false; reason: 'page-meta' | 'origin-file' | 'no-declaration' }
  | { reserved: true; reason: 'page-meta' | 'origin-file' | 'lookup-pending' };

/**
 * TDMRep's processing priority: the page's own metadata supersedes the origin's file. Values other
 * than 0 and 1 are protocol errors and count as unset; a document that says both is reserved.
 * While the origin's file has not been read the page counts as reserved, so a visit that ends
 * before the lookup answers never lets through text a reservation may cover.
 */
export function decideTdm(sources: TdmSources): TdmDecision {
  const meta = sources.meta.map((m) => m.trim());
  if (meta.includes('1')) return { reserved: true, reason: 'page-meta' };
  if (meta.includes('0')) return { reserved: false, reason: 'page-meta' };
  if (sources.file === 'pending') return { reserved: true, reason: 'lookup-pending' };
  // The most specific rule is the first that matches; none, or an unset value, is no declaration.
  const rule = sources.file.find((r) => locationMatches(r.location, sources.path));
  if (rule?.reservation === 1) return { reserved: true, reason: 'origin-file' };
  if (rule?.reservation === 0) return { reserved: false, reason: 'origin-file' };
  return { reserved: false, reason: 'no-declaration' };
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * One spelling for comparison (RFC 3986 §6.2.2, as robots.txt matching does it): characters
 * outside printable ASCII as percent-encoded UTF-8, percent-encoded unreserved characters decoded,
 * the other escapes in upper case.
 */
function normalize(s: string): string {
  return s
    .toWellFormed()
    .replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))
    .replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
      const c = String.fromCharCode(parseInt(hex, 16));
      return UNRESERVED.test(c) ? c : `%${hex.toUpperCase()}`;
    });
}

/**
 * TDMRep's `location` patterns, robots.txt's syntax (draft-koster-rep §2.2.3): the pattern matches
 * a path that begins with it, `*` stands for any run of characters, a final `$` ends the match;
 * case-sensitive. A `$` or `*` meant literally is written %24 or %2A, so the path's own are encoded
 * before comparing. Matched part by part with indexOf, never as a regular expression: a hostile
 * file's `*a*a*a…` costs at most patterns × path length, without backtracking.
 */
export function locationMatches(location: string, path: string): boolean {
  const anchored = location.endsWith('$');
  const parts = normalize(anchored ? location.slice(0, -1) : location).split('*');
  const target = normalize(path.replaceAll('$', '%24').replaceAll('*', '%2A'));
  const first = parts[0]!;
  if (!target.startsWith(first)) return false;
  if (parts.length === 1) return !anchored || target.length === first.length;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = target.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  const last = parts.at(-1)!;
  if (anchored) return target.endsWith(last) && target.length - last.length >= at;
  return target.includes(last, at);
}

/** The `content` of each `<meta name="tdm-reservation">` of a document. */
export function tdmMetaValues(doc: Document): string[] {
  return [...doc.getElementsByTagName('meta')]
    .filter((m) => m.getAttribute('name')?.trim().toLowerCase() === 'tdm-reservation')
    .map((m) => m.getAttribute('content') ?? '');
}
