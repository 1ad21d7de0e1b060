import { describe, expect, it } from 'vitest';
import { browsingPause } from '../../../utils/background/browsing-pause';

describe('browsingPause', () => {
  it('lets model work run when no visit has ended yet (a woken service worker resumes at once)', () => {
    expect(browsingPause(8_000, 300_000).takeQuiet(1_000)).toBe(true);
  });

  it('holds model work back until the quiet period after the last visit has passed', () => {
    const pause = browsingPause(8_000, 300_000);
    pause.activity(10_000);
    expect(pause.takeQuiet(10_001)).toBe(false);
    expect(pause.takeQuiet(17_999)).toBe(false);
    pause.activity(15_000);
    expect(pause.takeQuiet(22_999)).toBe(false);
    expect(pause.takeQuiet(23_000)).toBe(true);
  });

  it('runs model work anyway once a visit has waited the maximum, however busy the browsing', () => {
    const pause = browsingPause(8_000, 60_000);
    for (let t = 0; t < 60_000; t += 2_000) {
      pause.activity(t);
      expect(pause.takeQuiet(t + 1)).toBe(false);
    }
    pause.activity(60_000);
    expect(pause.takeQuiet(60_001)).toBe(true);
    // The wait starts over from the next visit.
    pause.activity(61_000);
    expect(pause.takeQuiet(61_001)).toBe(false);
  });
});
