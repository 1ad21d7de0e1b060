/** A window of the text handed to the model, with its offset in the full text. */
export type Chunk = { start: number; text: string };

/**
 * A text or a sentence of up to this many word pieces is never cut: the NER model was fine-tuned on
 * texts of up to 128, [CLS] and [SEP] included.
 */
export const SENTENCE_PIECES = 120;
/**
 * Word pieces a window of several sentences holds at most. Most of the model's training texts were far
 * shorter than 128 pieces; windows of up to 120 packed with unrelated lines missed more addresses and
 * names (bench/README.md, "Issue 16"), and shorter windows cost no more: a run pads every window to its longest.
 */
export const WINDOW_PIECES = 96;
/** Repeated across a cut inside a sentence, so an entity on the cut is seen whole in the next window. */
const OVERLAP_PIECES = 16;
/** A line or sentence this short before a cut (a label, a heading) starts the next window too, as its context. */
const CARRIED_PIECES = 8;

const PRE_TOKEN = /\p{Script=Han}|[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * About how many word pieces an uncased WordPiece tokenizer makes of `text`: every punctuation mark and
 * Han character is one, a Latin word of up to five letters one and a longer one a piece more per four
 * letters, a number about one per two digits, and words in other scripts, of which the vocabulary holds
 * few pieces, one per letter. Over the windows of the bench pages and the evaluation corpora, real /
 * estimated has median 1.0, 5th percentile 0.8, 95th 1.3 (the model reads up to 512 pieces: a window
 * somewhat over its trained length is still read).
 */
export function estimatePieces(text: string): number {
  return Math.round(pieces(text));
}

/** Unrounded, so the estimates of consecutive words add up to that of the words together. */
function pieces(text: string): number {
  let n = 0;
  for (const [t] of text.matchAll(PRE_TOKEN)) {
    if (/^\p{N}/u.test(t)) n += Math.max(1, 0.55 * t.length);
    else if (/^[\p{Script=Latin}\p{M}]+$/u.test(t)) n += Math.max(1, (t.length - 1) / 4);
    else if (/^\p{L}/u.test(t)) n += [...t].length;
    else n += 1;
  }
  return n;
}

type Unit = { start: number; end: number; pieces: number };

const units = (text: string, starts: Iterable<number>, to: number): Unit[] => {
  const edges = [...starts, to];
  return edges.slice(0, -1).map((start, i) => ({ start, end: edges[i + 1]!, pieces: pieces(text.slice(start, edges[i + 1]!)) }));
};

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });
// "Dr. ", "St. ", "z. ", "J. ": the segmenter ends a sentence after an abbreviation or an initial, often inside a name.
const ABBREVIATION_END = /(?:^|[^\p{L}])\p{L}{1,3}\.[^\S\n]*$/u;

/** Sentences and lines, the places a window may end without cutting an entity. */
function sentences(text: string): Unit[] {
  const starts: number[] = [];
  let prev = '';
  for (const { index, segment } of sentenceSegmenter.segment(text)) {
    if (starts.length === 0 || !ABBREVIATION_END.test(prev)) starts.push(index);
    prev = segment;
  }
  return units(text, starts, text.length);
}

/** Words of one sentence; a word too long for a window (no spaces at all) is cut into parts that fit. */
function words(text: string, sentence: Unit, maxPieces: number): Unit[] {
  const starts = [...wordSegmenter.segment(text.slice(sentence.start, sentence.end))].map((w) => sentence.start + w.index);
  return units(text, starts, sentence.end).flatMap((w) => {
    if (w.pieces <= maxPieces) return [w];
    const chars = [...text.slice(w.start, w.end)];
    const parts = Math.ceil(w.pieces / maxPieces);
    const size = Math.ceil(chars.length / parts);
    const cuts: number[] = [];
    for (let i = 0, at = w.start; i < chars.length; at += chars[i]!.length, i++) if (i % size === 0) cuts.push(at);
    return units(text, cuts, w.end);
  });
}

/**
 * Consecutive units in windows of at most `limit` pieces. With `overlap` (units are the words of one
 * sentence) a window repeats the last words of the one before, up to that many pieces; without (units
 * are sentences and lines) it repeats the unit before only when that is short.
 */
function pack(all: Unit[], limit: number, overlap: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let i = 0; i < all.length; ) {
    let j = i;
    for (let sum = 0; j < all.length && (j === i || sum + all[j]!.pieces <= limit); j++) sum += all[j]!.pieces;
    windows.push([all[i]!.start, all[j - 1]!.end]);
    if (j >= all.length) break;
    let next = j;
    if (overlap > 0) {
      for (let back = all[next - 1]!.pieces; next - 1 > i && back <= overlap; back += all[next - 1]!.pieces) next--;
    } else if (next - 1 > i && all[next - 1]!.pieces <= CARRIED_PIECES) next--;
    i = next;
  }
  return windows;
}

/** The fewest windows, then the smallest largest window: a run pads every window to its longest. */
function packEvenly(all: Unit[], maxPieces: number, overlap: number): [number, number][] {
  const fewest = pack(all, maxPieces, overlap);
  let lo = 1;
  let hi = maxPieces;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (pack(all, mid, overlap).length <= fewest.length) hi = mid;
    else lo = mid + 1;
  }
  const even = pack(all, lo, overlap);
  return even.length <= fewest.length ? even : fewest;
}

/**
 * Splits text into windows of about `maxPieces` word pieces. Whole sentences and lines are packed
 * together, so on ordinary prose windows do not overlap and no entity is cut (the segmenter's sentence
 * ends after abbreviations and initials are not taken). A text or a sentence within the model's trained
 * length stays whole; a longer sentence is cut between words, with overlap, and a word longer than a
 * window between characters.
 */
export function chunkText(text: string, maxPieces = WINDOW_PIECES): Chunk[] {
  const whole = Math.max(maxPieces, SENTENCE_PIECES);
  const all = sentences(text);
  if (all.reduce((n, u) => n + u.pieces, 0) <= whole) return [{ start: 0, text }];
  const windows: [number, number][] = [];
  let run: Unit[] = [];
  const flush = (): void => {
    if (run.length > 0) windows.push(...packEvenly(run, maxPieces, 0));
    run = [];
  };
  for (const sentence of all) {
    if (sentence.pieces <= whole) {
      run.push(sentence);
      continue;
    }
    flush();
    windows.push(...packEvenly(words(text, sentence, maxPieces), maxPieces, OVERLAP_PIECES));
  }
  flush();
  return windows.map(([start, end]) => ({ start, text: text.slice(start, end) }));
}
