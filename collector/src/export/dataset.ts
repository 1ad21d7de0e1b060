// The community dataset: accepted, non-deleted signals with nothing that links
// them to a device. Released: redacted text, embedding, embedding model,
// language, the UTC day, a topic (cluster id) and the site origin. Only
// topics contributed by at least k distinct devices are released; an origin
// seen from fewer than k devices is replaced by "other".
import { sensitiveCategory } from '../../../utils/consent/sensitive-sites';
import { leaderClusters } from './cluster';
import type { DatasetSignal } from './store';

export interface ExportOptions {
  /** Minimum number of distinct devices behind a released topic (and a named origin). */
  k: number;
  /** Cosine similarity at which two embeddings share a topic. */
  threshold: number;
}

export interface DatasetRecord {
  topic: string;
  text: string;
  embedding: number[];
  model: string;
  lang: string | null;
  /** UTC day of the visit, YYYY-MM-DD: no finer time is released. */
  day: string;
  origin: string;
}

export interface Datasheet {
  v: 1;
  k: number;
  threshold: number;
  records: number;
  topics: {
    released: number;
    withheld: number;
    recordsWithheld: number;
    sizes: Record<string, number>;
    /** Distinct devices behind each released topic (each ≥ k). */
    devices: Record<string, number>;
  };
  /** Largest released topic's share of the records, and the normalised entropy of topic sizes (1 = perfectly even). */
  balance: { largestTopicShare: number; topicEntropy: number };
  languages: Record<string, number>;
  /** Released records per UTC hour of the visit (0–23): when people read, never when one person did. */
  hours: Record<string, number>;
  origins: Record<string, number>;
  categories: Record<string, number>;
  models: Record<string, number>;
  days: { first: string | null; last: string | null };
}

const tally = (keys: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of [...keys].sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
};

function distinctDevices<T>(items: readonly T[], keyOf: (t: T) => string, deviceOf: (t: T) => string): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const it of items) m.set(keyOf(it), (m.get(keyOf(it)) ?? new Set()).add(deviceOf(it)));
  return m;
}

function categoryOf(origin: string): string {
  try {
    return sensitiveCategory(new URL(origin))?.category ?? 'general';
  } catch {
    return 'general';
  }
}

function entropy(sizes: readonly number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length < 2 || total === 0) return 1;
  const h = -sizes.reduce((s, n) => (n === 0 ? s : s + (n / total) * Math.log(n / total)), 0);
  return Number((h / Math.log(sizes.length)).toFixed(4));
}

export function buildDataset(signals: readonly DatasetSignal[], opts: ExportOptions): { records: DatasetRecord[]; datasheet: Datasheet } {
  // Embeddings of different models are not comparable: cluster per model.
  const topicOf = new Map<DatasetSignal, string>();
  for (const model of [...new Set(signals.map((s) => s.model))].sort()) {
    const group = signals.filter((s) => s.model === model);
    leaderClusters(group.map((s) => s.embedding), opts.threshold).forEach((c, i) => topicOf.set(group[i]!, `${model}#${c}`));
  }
  const topicDevices = distinctDevices(signals, (s) => topicOf.get(s)!, (s) => s.devicePub);
  const released = signals.filter((s) => topicDevices.get(topicOf.get(s)!)!.size >= opts.k);
  const originDevices = distinctDevices(released, (s) => s.origin, (s) => s.devicePub);

  // Public topic ids: t0, t1, … by size (then first appearance), so they say nothing about models or order of arrival.
  const sizes = tally(released.map((s) => topicOf.get(s)!));
  const order = Object.keys(sizes).sort((a, b) => sizes[b]! - sizes[a]! || a.localeCompare(b));
  const publicTopic = new Map(order.map((t, i) => [t, `t${i}`]));

  const records: DatasetRecord[] = released.map((s) => ({
    topic: publicTopic.get(topicOf.get(s)!)!,
    text: s.text,
    embedding: s.embedding,
    model: s.model,
    lang: s.lang,
    day: new Date(s.visitedAt).toISOString().slice(0, 10),
    origin: originDevices.get(s.origin)!.size >= opts.k ? s.origin : 'other',
  }));
  const days = records.map((r) => r.day).sort();
  const withheldTopics = [...topicDevices.values()].filter((d) => d.size < opts.k).length;
  const releasedSizes = order.map((t) => sizes[t]!);
  return {
    records,
    datasheet: {
      v: 1,
      k: opts.k,
      threshold: opts.threshold,
      records: records.length,
      topics: {
        released: order.length,
        withheld: withheldTopics,
        recordsWithheld: signals.length - records.length,
        sizes: Object.fromEntries(order.map((t) => [publicTopic.get(t)!, sizes[t]!])),
        devices: Object.fromEntries(order.map((t) => [publicTopic.get(t)!, topicDevices.get(t)!.size])),
      },
      balance: {
        largestTopicShare: records.length ? Number(((releasedSizes[0] ?? 0) / records.length).toFixed(4)) : 0,
        topicEntropy: entropy(releasedSizes),
      },
      languages: tally(records.map((r) => r.lang ?? 'unknown')),
      hours: tally(released.map((s) => String(new Date(s.visitedAt).getUTCHours()))),
      origins: tally(records.map((r) => r.origin)),
      categories: tally(records.map((r) => categoryOf(r.origin))),
      models: tally(records.map((r) => r.model)),
      days: { first: days[0] ?? null, last: days.at(-1) ?? null },
    },
  };
}
