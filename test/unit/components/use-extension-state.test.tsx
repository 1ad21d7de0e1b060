// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useExtensionState, type ExtensionStateHandle } from '@/components/useExtensionState';
import { DEFAULT_CONSENT } from '@/utils/consent/settings';
import type { ExtensionState } from '@/utils/protocol/ui';

const STATE: ExtensionState = {
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

let root: HTMLElement;
let handle: ExtensionStateHandle;
function Probe() {
  handle = useExtensionState(3_600_000);
  return null;
}

beforeEach(() => {
  root = document.createElement('div');
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const { type } = message as { type: string };
    sendResponse(type === 'delete' ? { ok: false, error: 'collector unreachable' } : { ok: true, value: STATE });
    return true;
  });
});
afterEach(() => {
  render(null, root);
  fakeBrowser.reset();
});

describe('useExtensionState', () => {
  it('loads the state, and keeps a refused change announced across later polls', async () => {
    act(() => render(<Probe />, root));
    await vi.waitFor(() => expect(handle.state?.collectedToday).toBe(3));
    expect(handle.error).toBeNull();

    let ok = true;
    await act(async () => {
      ok = await handle.change({ type: 'delete', scope: { kind: 'all' } });
    });
    expect(ok).toBe(false);
    expect(handle.error).toBe('Could not delete: collector unreachable');

    await act(() => handle.refresh());
    expect(handle.error).toBe('Could not delete: collector unreachable');

    await act(async () => void (await handle.change({ type: 'resume' })));
    expect(handle.error).toBeNull();
  });
});
