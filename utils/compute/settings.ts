import { z } from 'zod';
import { browser } from 'wxt/browser';

/**
 * The second opt-in: computation for the commons while this computer is idle. Separate from
 * collecting browsing data (utils/consent/), with its own limits.
 */
export const computeSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Model time a day, in minutes, counted from local midnight. */
  minutesPerDay: z.number().int().min(1).max(24 * 60),
  /** Only while the browser reports mains power (see utils/compute/power.ts where it reports nothing). */
  acOnly: z.boolean(),
  pausedUntil: z.number().nullable(),
});
export type ComputeSettings = z.infer<typeof computeSettingsSchema>;

/** Off by default: nothing is computed until the user turns it on. */
export const DEFAULT_COMPUTE_SETTINGS: ComputeSettings = { enabled: false, minutesPerDay: 30, acOnly: true, pausedUntil: null };

const KEY = 'compute';

export async function readComputeSettings(): Promise<ComputeSettings> {
  const parsed = computeSettingsSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  // A corrupt or missing record must never read as consent.
  return parsed.success ? parsed.data : DEFAULT_COMPUTE_SETTINGS;
}

export async function updateComputeSettings(change: (s: ComputeSettings) => ComputeSettings): Promise<ComputeSettings> {
  const next = computeSettingsSchema.parse(change(await readComputeSettings()));
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
