import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request } from '@/utils/ui-client';

/** Answers every message with `reply(message)`, the way a background listener does (fake-browser supports sendResponse). */
function answerWith(reply: (message: { type: string }) => unknown) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    sendResponse(reply(message as { type: string }));
    return true;
  });
}

describe('ui-client request', () => {
  beforeEach(() => fakeBrowser.reset());

  it('resolves to the value of an ok reply', async () => {
    answerWith((m) => ({ ok: true, value: { items: [], deletions: [], inclusion: m.type === 'list-items' ? {} : null, communityModel: { model: null, check: null } } }));
    await expect(request({ type: 'list-items' })).resolves.toEqual({ items: [], deletions: [], inclusion: {}, communityModel: { model: null, check: null } });
  });

  it('throws a readable error when the value is not what the request is answered with', async () => {
    answerWith(() => ({ ok: true, value: { items: [], deletions: [] } }));
    await expect(request({ type: 'list-items' })).rejects.toThrow(/No valid answer.*list-items/);
    await expect(request({ type: 'get-state' })).rejects.toThrow(/No valid answer.*get-state/);
  });

  it("throws the background's message when it refuses", async () => {
    answerWith(() => ({ ok: false, error: 'not opted in' }));
    await expect(request({ type: 'flush' })).rejects.toThrow('not opted in');
  });

  it('throws a readable error on a malformed reply', async () => {
    answerWith(() => ({ value: 1 }));
    await expect(request({ type: 'get-state' })).rejects.toThrow(/No valid answer.*get-state/);
  });
});
