import type { PowerSource } from './gate';

interface BatteryLike {
  charging: boolean;
}

/**
 * Mains or battery, as the Battery Status API reports it. It exists only in documents (Chrome's
 * offscreen document, not its service worker) and only in Chromium browsers: Firefox and Safari
 * report nothing, so there the answer is `unknown` and the "only on AC power" limit cannot apply.
 * A desktop without a battery reports charging.
 */
export async function powerSource(nav: object = globalThis.navigator ?? {}): Promise<PowerSource> {
  const getBattery = (nav as { getBattery?: () => Promise<BatteryLike> }).getBattery;
  if (typeof getBattery !== 'function') return 'unknown';
  try {
    return (await getBattery.call(nav)).charging ? 'ac' : 'battery';
  } catch {
    return 'unknown';
  }
}
