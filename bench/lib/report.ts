/** One measured figure: what the table prints and what the last-line JSON carries. */
export interface Figure {
  /** JSON key, e.g. `embed_browser_vs_native`. */
  key: string;
  value: number;
  unit: string;
  /** What it is measured against, shown in the table. */
  note?: string;
  /** Present when the issue sets a target for this figure. */
  target?: { op: '>=' | '<='; value: number };
}

export const targetMet = (f: Figure): boolean | undefined =>
  f.target === undefined ? undefined : f.target.op === '>=' ? f.value >= f.target.value : f.value <= f.target.value;

export function formatTable(section: string, figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const met = targetMet(f);
    const target = f.target ? `${f.target.op} ${f.target.value} ${met ? 'met' : 'MISSED'}` : '';
    return [f.key, `${f.value}`, f.unit, target, f.note ?? ''];
  });
  const header = ['figure', 'value', 'unit', 'target', 'measured as'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`== ${section}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
