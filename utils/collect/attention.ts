/**
 * Accumulates attention time: only while the page is both visible and focused, so a tab left
 * open in the background earns no dwell. Time comes in from the caller, which keeps it pure.
 */
export class AttentionTimer {
  private total = 0;
  private since: number | null = null;

  constructor(active: boolean, now: number) {
    if (active) this.since = now;
  }

  setActive(active: boolean, now: number): void {
    if (active && this.since === null) this.since = now;
    if (!active && this.since !== null) {
      this.total += Math.max(0, now - this.since);
      this.since = null;
    }
  }

  elapsed(now: number): number {
    return this.total + (this.since === null ? 0 : Math.max(0, now - this.since));
  }
}
