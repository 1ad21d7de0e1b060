const HOUR_MS = 3_600_000;

export function oneHourFrom(now: number): number {
  return now + HOUR_MS;
}

/** Local midnight that starts tomorrow: "until tomorrow" means the user's own calendar. */
export function startOfTomorrow(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
