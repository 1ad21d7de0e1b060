/** Display helpers shared by the popup and the dashboard. */

export function formatBalance(balance: { balance: number } | null): string {
  return balance === null ? '—' : balance.balance.toLocaleString('en-US');
}

export function formatPercent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

/** "45 s", "3 min 5 s", "2 h 4 min": dwell times are short, precision below a second is noise. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export function formatDateTime(ts: number): string {
  return new Date(ts).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(ts: number): string {
  return new Date(ts).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** Long hex keys and hashes, shortened for reading; the full value stays in a title attribute. */
export function shortHash(hex: string, keep = 10): string {
  return hex.length <= keep * 2 + 1 ? hex : `${hex.slice(0, keep)}…${hex.slice(-keep)}`;
}

/** "Wed, Nov 25, 2026" for a `YYYY-MM-DD` day key, read as a local calendar day. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
}

const TOKEN_DECIMALS = 18n;

/** "12.5 TRIB" from a decimal string of base units (10^18 per token), without float rounding. */
export function formatTokens(baseUnits: string): string {
  const value = BigInt(baseUnits);
  const scale = 10n ** TOKEN_DECIMALS;
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(Number(TOKEN_DECIMALS), '0').slice(0, 4).replace(/0+$/, '');
  return `${whole.toLocaleString('en-US')}${fraction ? `.${fraction}` : ''} TRIB`;
}
