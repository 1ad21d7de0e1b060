import { anonymizeTexts } from '../anonymize';
import type { ModelRunners } from '../models/runners';
import type { AnonymizedPage, PageText, ProcessedPage } from '../protocol/model-host';

/** Per page; a model that hangs must not hold the queue, and a timeout fails closed. */
export const ANONYMIZE_TIMEOUT_MS = 30_000;

function countEntities(into: Record<string, number>, entities: { type: string }[]): void {
  for (const e of entities) into[e.type] = (into[e.type] ?? 0) + 1;
}

/** The anonymizer (rules + NER) over each page's title and text. Throws if any stage fails. */
export async function anonymizePages(pages: PageText[], runners: ModelRunners): Promise<AnonymizedPage[]> {
  const options = { ner: (texts: string[]) => runners.tokens(texts), timeoutMs: ANONYMIZE_TIMEOUT_MS };
  const anonymized: AnonymizedPage[] = [];
  for (const page of pages) {
    const [title, text] = await anonymizeTexts([page.title, page.text], options);
    const entityCounts: Record<string, number> = {};
    countEntities(entityCounts, title!.entities);
    countEntities(entityCounts, text!.entities);
    anonymized.push({ title: title!.redacted, text: text!.redacted, entityCounts, ner: runners.info.ner.id });
  }
  return anonymized;
}

/**
 * The embedding of exactly what is sent, so it cannot encode a name the text no longer holds.
 * Throws if the model fails.
 */
export async function embedAnonymizedPages(pages: AnonymizedPage[], runners: ModelRunners): Promise<ProcessedPage[]> {
  const embeddings = await runners.embed(pages.map((page) => `${page.title}\n${page.text}`.trim()));
  return pages.map(({ ner, ...page }, i) => ({ ...page, embedding: embeddings[i]!, models: { embed: runners.info.embed.id, ner } }));
}

/**
 * Anonymize, then embed the anonymized text. Throws if any stage fails; the caller keeps the page
 * on the device and never sends it half-processed.
 */
export async function processPages(pages: PageText[], runners: ModelRunners): Promise<ProcessedPage[]> {
  return embedAnonymizedPages(await anonymizePages(pages, runners), runners);
}
