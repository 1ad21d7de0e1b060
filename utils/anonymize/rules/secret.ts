import type { Span } from '../types';
import { matchSpans } from './match';

// Vendor prefixes documented by the issuers; these never occur in prose.
const PREFIXED = new RegExp(
  [
    String.raw`\b(?:sk|pk|rk)[-_](?:live|test|proj|ant)?[-_]?[A-Za-z0-9_-]{16,}`,
    String.raw`\bsk-[A-Za-z0-9_-]{20,}`,
    String.raw`\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{30,}`,
    String.raw`\bglpat-[A-Za-z0-9_-]{20,}`,
    String.raw`\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\bAIza[0-9A-Za-z_-]{35}`,
    String.raw`\bhf_[A-Za-z0-9]{30,}`,
    String.raw`\bnpm_[A-Za-z0-9]{36}`,
    String.raw`\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
    String.raw`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----`,
  ].join('|'),
  'g',
);

// "password: hunter2", "api_key=…", "token → …": the value after a credential keyword.
const ASSIGNED =
  /\b(?:pass(?:word|wd|code)?|pwd|secret|api[_ -]?key|access[_ -]?key|auth[_ -]?token|token|client[_ -]?secret|private[_ -]?key|pin)\b["']?\s*(is|[:=]|=>|->)?\s*["']?([^\s"',;]*[^\s"',;.!?)])/gi;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) h -= (c / s.length) * Math.log2(c / s.length);
  return h;
}

const CANDIDATE = /(?<![\w/+.-])[A-Za-z0-9_+/-]{24,}={0,2}(?![\w/+=-])/g;

/** Random-looking tokens: mixed letters and digits with high entropy, not a word, path or hex hash of a file. */
function looksRandom(s: string): boolean {
  if (!/\d/.test(s) || !/[a-zA-Z]/.test(s)) return false;
  if (/^[0-9a-f]+$/i.test(s) && s.length === 40) return false; // git SHA-1: public, not a credential
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(s)).length;
  return classes >= 2 && entropy(s) >= 3.6;
}

export function secretSpans(text: string): Span[] {
  return [
    ...matchSpans(text, PREFIXED, 'SECRET'),
    // Without "is", ":" or "=" only a value with a digit counts ("passcode 551820", not "password must…").
    ...matchSpans(text, ASSIGNED, 'SECRET', (m) => m[2]!.length >= 4 && (m[1] !== undefined || /\d/.test(m[2]!)), 2),
    ...matchSpans(text, CANDIDATE, 'SECRET', (m) => looksRandom(m[0])),
  ];
}
