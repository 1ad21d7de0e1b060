/** A window of the text handed to the model, with its offset in the full text. */
export type Chunk = { start: number; text: string };

/**
 * Splits text into overlapping windows that fit the model (NER models read 128–512 word pieces; a
 * character budget of `size` keeps well inside that even for digit- or CJK-heavy text). Windows end at
 * whitespace where possible so no word is cut, and overlap so an entity on a boundary is seen whole once.
 */
export function chunkText(text: string, size = 400, overlap = 80): Chunk[] {
  if (text.length <= size) return [{ start: 0, text }];
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf(' ', end);
      if (cut > start + size / 2) end = cut;
    }
    chunks.push({ start, text: text.slice(start, end) });
    if (end >= text.length) break;
    let next = end - overlap;
    const space = text.indexOf(' ', next);
    if (space > next && space < end) next = space + 1;
    start = Math.max(next, start + 1);
  }
  return chunks;
}
