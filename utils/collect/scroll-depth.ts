/** Share of the document the reader has seen, 0..1: the bottom edge of the viewport over the page height. */
export function scrollDepth(scrollTop: number, viewportHeight: number, documentHeight: number): number {
  if (documentHeight <= 0 || viewportHeight <= 0) return 0;
  if (documentHeight <= viewportHeight) return 1;
  const seen = (Math.max(0, scrollTop) + viewportHeight) / documentHeight;
  return Math.min(1, Math.round(seen * 1000) / 1000);
}
