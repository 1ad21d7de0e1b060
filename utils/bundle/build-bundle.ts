import { encodeVectorB64, WIRE_VERSION, type BundlePlaintext, type Signal } from '../wire';
import type { QueuedItem, ReadyItem } from '../items/item';

const HOUR_MS = 3_600_000;

export interface BundlePolicy {
  /** Send as soon as this many signals are ready... */
  maxSignals: number;
  /** ...or once the oldest ready one has waited this long. */
  maxWaitMs: number;
}

export const DEFAULT_BUNDLE_POLICY: BundlePolicy = { maxSignals: 20, maxWaitMs: 10 * 60_000 };

/** An item ready to leave: anonymized and embedded, which its type guarantees. */
export function signalFromItem(item: ReadyItem | QueuedItem): Signal {
  return {
    id: item.id,
    origin: item.origin,
    // The wire refuses lone surrogates; the observer sends none, but a redaction could cut beside one.
    title: item.redacted.title.toWellFormed(),
    text: item.redacted.text.toWellFormed(),
    entities: Object.entries(item.entityCounts).map(([type, count]) => ({ type, count })),
    embedding: encodeVectorB64(item.embedding),
    models: item.models,
    // The hour is enough to study browsing; the minute would help re-identify a visit.
    visitedAt: Math.floor(item.visitedAt / HOUR_MS) * HOUR_MS,
    dwellMs: item.dwellMs,
    scrollDepth: item.scrollDepth,
    interactions: item.interactions,
    ...(item.lang && item.lang.length >= 2 ? { lang: item.lang } : {}),
  };
}

/** The ready items that make the next bundle, oldest first; none while the policy says wait. */
export function nextBundleItems(ready: ReadyItem[], now: number, policy: BundlePolicy, force = false): ReadyItem[] {
  if (ready.length === 0) return [];
  const sorted = [...ready].sort((a, b) => a.visitedAt - b.visitedAt);
  const due = force || sorted.length >= policy.maxSignals || now - sorted[0]!.visitedAt >= policy.maxWaitMs;
  return due ? sorted.slice(0, policy.maxSignals) : [];
}

export function bundlePlaintext(items: ReadyItem[], devicePub: string, bundleId: string, createdAt: number): BundlePlaintext {
  return { v: WIRE_VERSION, bundleId, devicePub, createdAt, signals: items.map(signalFromItem) };
}
