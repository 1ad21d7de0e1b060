// The words that say what a topic is about: the most frequent words of its texts, placeholders and
// common function words left out. Counted, not learned, so anyone can recompute them from a release.
const STOP = new Set(
  (
    'the and for are but not you all any can had her was one our out has him his how its may new now old see two who did get let put say she too use ' +
    'that with have this will your from they been were said each which their there what about would make like into time than them then these some ' +
    'when more very just also only over such even most after where while those being other could should because through between ' +
    'der die das und ist ein eine nicht mit von für auf den dem des sich auch als wie bei oder wird sind noch nach aus ' +
    'los las del una por con para que como más pero sus este esta sobre entre'
  ).split(' '),
);

export function topTerms(texts: readonly string[], n = 5): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = text.replace(/\[[A-Z_]+\]/g, ' ').toLowerCase().match(/\p{L}{3,}/gu) ?? [];
    for (const w of new Set(words)) if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w]) => w);
}
