import { chunkText } from './chunk';
import { mergeSpans } from './merge';
import { withNameTails } from './name-tail';
import { nerSpans, withoutIdentifierRunOns, type NerSpanOptions } from './ner-spans';
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
  /** Budget for the model over all texts of one call; exceeding it throws so the caller keeps them unsent. */
  timeoutMs?: number;
  /** Word pieces per model window; see chunkText. */
  windowPieces?: number;
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

/**
 * Windows per model run. A run has a cost that does not depend on its length (the weight-only int8
 * layers expand their weights on every run: ~80 ms natively even for one word), so the windows of a
 * page go through the model together; the bound keeps one run's activations, and how long it holds
 * the model host's thread, near those of embedding a batch of pages.
 */
export const NER_WINDOWS_PER_RUN = 16;

async function modelSpans(texts: string[], ner: NerRunner, opts: AnonymizeOptions): Promise<Span[][]> {
  const windows = texts.flatMap((text, of) => chunkText(text, opts.windowPieces).filter((w) => w.text.trim() !== '').map((w) => ({ ...w, of })));
  const spans: Span[][] = texts.map(() => []);
  for (let i = 0; i < windows.length; i += NER_WINDOWS_PER_RUN) {
    const run = windows.slice(i, i + NER_WINDOWS_PER_RUN);
    const tokens = await ner(run.map((w) => w.text));
    if (tokens.length !== run.length) throw new Error(`the model answered ${tokens.length} of ${run.length} windows`);
    for (const [j, w] of run.entries()) {
      for (const s of nerSpans(w.text, tokens[j]!, opts.nerOptions)) spans[w.of]!.push({ ...s, start: s.start + w.start, end: s.end + w.start });
    }
  }
  return spans;
}

/**
 * Rules plus (when given) the NER model, for several texts whose model windows share runs. Fails
 * closed: if the model throws or runs out of time this throws too, and the caller must keep the
 * items pending rather than send them half-anonymized.
 */
export async function anonymizeTexts(texts: string[], opts: AnonymizeOptions = {}): Promise<AnonymizeResult[]> {
  let model: Span[][] = texts.map(() => []);
  if (opts.ner) {
    try {
      model = await withTimeout(modelSpans(texts, opts.ner, opts), opts.timeoutMs);
    } catch (err) {
      throw err instanceof AnonymizeError ? err : new AnonymizeError('NER failed', { cause: err });
    }
  }
  return texts.map((text, i) => {
    const rules = ruleSpans(text);
    return redact(text, withNameTails(text, mergeSpans([...rules, ...withoutIdentifierRunOns(text, model[i]!, rules)])));
  });
}

/** One text through `anonymizeTexts`. */
export async function anonymize(text: string, opts: AnonymizeOptions = {}): Promise<AnonymizeResult> {
  return (await anonymizeTexts([text], opts))[0]!;
}

/** The rule stage alone (no model): for tests and for measuring what the rules contribute. */
export function anonymizeRulesOnly(text: string): AnonymizeResult {
  return redact(text, withNameTails(text, mergeSpans(ruleSpans(text))));
}
