// One complete extension state for the UI and protocol tests: an opted-out device that collected a little, reachable collector, no rewards.
import { DEFAULT_CONSENT } from '../../../utils/consent/settings';
import type { ExtensionState } from '../../../utils/protocol/ui';

export const EXTENSION_STATE: ExtensionState = {
  consent: DEFAULT_CONSENT,
  devicePub: null,
  collectorUrl: 'http://127.0.0.1:8787',
  collectedToday: 3,
  items: { processing: 0, held: 0, ready: 0, queued: 0, sent: 0, failed: 0 },
  bundles: { pending: 0, accepted: 0 },
  balance: null,
  rewards: null,
  policy: null,
  collectorReceiptKey: null,
  collector: { reachable: true, lastError: null, checkedAt: null },
  model: { type: 'model:progress', state: 'idle', progress: 0 },
  droppedNotice: 0,
  compute: {
    settings: { enabled: false, minutesPerDay: 30, acOnly: true, pausedUntil: null },
    today: { modelMs: 0, shards: 0 },
    running: false,
    blocked: null,
    power: null,
  },
  tokens: { count: 0, units: 0, redeemable: { count: 0, units: 0 }, epochs: [] },
};
