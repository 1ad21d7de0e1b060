import { anonymizeTexts } from '../anonymize';
import type { ModelRunners } from '../models/runners';
import type { PageText, ProcessedPage } from '../protocol/model-host';


/** Per page; a model that hangs must not hold the queue, and a timeout fails closed. */
export const ANONYMIZE_TIMEOUT_MS = 30_000;

function countEntities(into: Record<string, number>, entities: { type: string }[]): void {
  for (const e of entities) into[e.type] = (into[e.type] ?? 0) + 1;
}

/**
 * Anonymize, then embed the anonymized text: the embedding is computed from exactly what is
 * sent, so it cannot encode a name the text no longer holds. Throws if any stage fails; the
 * caller keeps the page on the device and never sends it half-processed.
 */
export async function processPages(pages: PageText[], runners: ModelRunners): Promise<ProcessedPage[]> {
  const options = { ner: (texts: string[]) => runners.tokens(texts), timeoutMs: ANONYMIZE_TIMEOUT_MS };
  const redacted = [];
  for (const page of pages) {
    const [title, text] = await anonymizeTexts([page.title, page.text], options);
    const entityCounts: Record<string, number> = {};
    countEntities(entityCounts, title!.entities);
    countEntities(entityCounts, text!.entities);
    redacted.push({ title: title!.redacted, text: text!.redacted, entityCounts });
  }
  const embeddings = await runners.embed(redacted.map((r) => `${r.title}\n${r.text}`.trim()));
  const models = { embed: runners.info.embed.id, ner: runners.info.ner.id };
  return redacted.map((r, i) => ({ ...r, embedding: embeddings[i]!, models }));
}
