// The diversity card: who and what a release represents, as counts, so a reader can judge its
// coverage before using it.
import type { Datasheet } from '../export/dataset';

export interface DiversityCard {
  v: 1;
  records: number;
  languages: Record<string, number>;
  topics: { topic: string; records: number; devices: number; terms: string[] }[];
  /** Released records per UTC hour of the visit. */
  hours: Record<string, number>;
  siteCategories: Record<string, number>;
  /** Contributions not released because their topic had fewer than k devices, as a share of all live ones. */
  withheldForK: { records: number; share: number };
  /** Share of the records from the ten most frequent named origins (origins under k devices are "other" and not ranked). */
  concentration: { top10OriginShare: number; namedOrigins: number };
  /** Against the parent release: records it held that this one no longer does (deleted since), and new ones. */
  sinceParent: { parent: string | null; recordsLeft: number; recordsAdded: number };
}

const share = (part: number, whole: number): number => (whole ? Number((part / whole).toFixed(4)) : 0);

export function diversityCard(
  sheet: Datasheet,
  terms: Record<string, string[]>,
  sinceParent: DiversityCard['sinceParent'],
): DiversityCard {
  const named = Object.entries(sheet.origins)
    .filter(([o]) => o !== 'other')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    v: 1,
    records: sheet.records,
    languages: sheet.languages,
    topics: Object.entries(sheet.topics.sizes).map(([topic, records]) => ({
      topic,
      records,
      devices: sheet.topics.devices[topic]!,
      terms: terms[topic] ?? [],
    })),
    hours: sheet.hours,
    siteCategories: sheet.categories,
    withheldForK: { records: sheet.topics.recordsWithheld, share: share(sheet.topics.recordsWithheld, sheet.records + sheet.topics.recordsWithheld) },
    concentration: { top10OriginShare: share(named.slice(0, 10).reduce((s, [, n]) => s + n, 0), sheet.records), namedOrigins: named.length },
    sinceParent,
  };
}
