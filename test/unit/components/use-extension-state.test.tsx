// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useExtensionState, type ExtensionStateHandle } from '@/components/useExtensionState';
import { EXTENSION_STATE } from '../support/extension-state';

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
    sendResponse(type === 'delete' ? { ok: false, error: 'collector unreachable' } : { ok: true, value: EXTENSION_STATE });
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
