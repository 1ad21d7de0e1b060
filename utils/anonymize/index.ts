import { chunkText } from './chunk';
import { mergeSpans } from './merge';
import { withNameTails } from './name-tail';
import { nerSpans, type NerSpanOptions } from './ner-spans';
import { redact } from './redact';
import { ruleSpans } from './rules/index';
import type { AnonymizeResult, NerRunner, Span } from './types';

export type { AnonymizeResult, EntityType, NerRunner, NerToken, Span } from './types';
export { mergeSpans } from './merge';
export { nerSpans, type NerSpanOptions } from './ner-spans';
export { redact } from './redact';
export { ruleSpans } from './rules/index';

export type AnonymizeOptions = {
  ner?: NerRunner;
  /** Whole-text budget for the model; exceeding it throws so the caller keeps the item unsent. */
  timeoutMs?: number;
  /** Character window per model call; see chunkText. */
  chunkSize?: number;
  /** How model tokens become spans; the defaults fail closed. */
  nerOptions?: NerSpanOptions;
};

export class AnonymizeError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnonymizeError(`NER timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function modelSpans(text: string, ner: NerRunner, opts: AnonymizeOptions): Promise<Span[]> {
  const spans: Span[] = [];
  for (const chunk of chunkText(text, opts.chunkSize)) {
    if (chunk.text.trim() === '') continue;
    const tokens = await ner(chunk.text);
    for (const s of nerSpans(chunk.text, tokens, opts.nerOptions)) spans.push({ ...s, start: s.start + chunk.start, end: s.end + chunk.start });
  }
  return spans;
}

/**
 * Rules plus (when given) the NER model. Fails closed: if the model throws or runs out of time this
 * throws too, and the caller must keep the item pending rather than send it half-anonymized.
 */
export async function anonymize(text: string, opts: AnonymizeOptions = {}): Promise<AnonymizeResult> {
  const rules = ruleSpans(text);
  let model: Span[] = [];
  if (opts.ner) {
    try {
      model = await withTimeout(modelSpans(text, opts.ner, opts), opts.timeoutMs);
    } catch (err) {
      throw err instanceof AnonymizeError ? err : new AnonymizeError('NER failed', { cause: err });
    }
  }
  return redact(text, withNameTails(text, mergeSpans([...rules, ...model])));
}

/** The rule stage alone (no model): for tests and for measuring what the rules contribute. */
export function anonymizeRulesOnly(text: string): AnonymizeResult {
  return redact(text, withNameTails(text, mergeSpans(ruleSpans(text))));
}
