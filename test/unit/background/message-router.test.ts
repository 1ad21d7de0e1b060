import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type MessageHandlers } from '../../../utils/background/message-router';

const EXTENSION = 'chrome-extension://tributary/';
const observation = {
  origin: 'https://news.example',
  title: 'Rivers',
  text: 'Rivers carry sediment.',
  visitedAt: Date.UTC(2026, 0, 1),
  dwellMs: 5000,
  scrollDepth: 0.4,
  interactions: 1,
};

function handlers() {
  return {
    extensionId: 'tributary',
    extensionPagesUrl: EXTENSION,
    modelProgress: vi.fn(),
    observer: vi.fn(async () => null),
    ui: vi.fn(async () => ({ items: [], deletions: [], inclusion: {}, communityModel: { model: null, check: null } })),
  } satisfies MessageHandlers;
}
const fromPage = { id: 'tributary', url: 'https://news.example/rivers', tab: { url: 'https://news.example/rivers', incognito: false } };
const fromDashboard = { id: 'tributary', url: `${EXTENSION}dashboard.html`, tab: { url: `${EXTENSION}dashboard.html`, incognito: false } };

describe('routeMessage: each sender speaks its own protocol, validated on arrival', () => {
  it('hands a valid observer message to the observer handler with the tab the browser names', async () => {
    const h = handlers();
    const message = { type: 'page-observation', url: fromPage.tab.url, observation };
    await routeMessage(message, fromPage, h);
    expect(h.observer).toHaveBeenCalledWith(message, { url: fromPage.tab.url, incognito: false });
    expect(h.ui).not.toHaveBeenCalled();
  });

  it('decides on the route a message is about, if it is on the sending tab’s origin', async () => {
    const h = handlers();
    // A single-page app's visit to /rivers is reported after the tab moved on to /account.
    const onAccount = { ...fromPage, tab: { url: 'https://news.example/account', incognito: false } };
    await routeMessage({ type: 'page-observation', url: 'https://news.example/rivers', observation }, onAccount, h);
    expect(h.observer).toHaveBeenLastCalledWith(expect.anything(), { url: 'https://news.example/rivers', incognito: false });
    await routeMessage({ type: 'collect-policy', url: 'https://news.example/account' }, onAccount, h);
    expect(h.observer).toHaveBeenLastCalledWith(expect.anything(), { url: 'https://news.example/account', incognito: false });
    expect(h.observer).toHaveBeenCalledTimes(2);
    for (const url of ['https://elsewhere.example/rivers', 'http://news.example/rivers', 'data:text/html,x', 'not a url']) {
      expect(routeMessage({ type: 'collect-policy', url }, onAccount, h)).toBeUndefined();
    }
    expect(h.observer).toHaveBeenCalledTimes(2);
  });

  it('a web page cannot speak the UI protocol, and an extension page is not an observer', () => {
    const h = handlers();
    expect(routeMessage({ type: 'leave' }, fromPage, h)).toBeUndefined();
    expect(routeMessage({ type: 'collect-policy', url: fromDashboard.tab.url }, fromDashboard, h)).toBeUndefined();
    expect(h.ui).not.toHaveBeenCalled();
    expect(h.observer).not.toHaveBeenCalled();
  });

  it('ignores malformed messages, other extensions, and observer messages from no tab', () => {
    const h = handlers();
    expect(routeMessage({ type: 'page-observation', url: fromPage.tab.url, observation: { ...observation, origin: 'https://news.example/path' } }, fromPage, h)).toBeUndefined();
    expect(routeMessage({ type: 'list-items' }, { ...fromDashboard, id: 'someone-else' }, h)).toBeUndefined();
    expect(routeMessage({ type: 'collect-policy', url: 'https://news.example/' }, { id: 'tributary', url: 'https://news.example/' }, h)).toBeUndefined();
    expect(h.observer).not.toHaveBeenCalled();
  });

  it('wraps UI answers and refusals in the reply envelope', async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'list-items' }, fromDashboard, h)).resolves.toEqual({ ok: true, value: { items: [], deletions: [], inclusion: {}, communityModel: { model: null, check: null } } });
    h.ui.mockRejectedValueOnce(new Error('opt in first'));
    await expect(routeMessage({ type: 'verify-dataset' }, fromDashboard, h)).resolves.toEqual({ ok: false, error: 'opt in first' });
  });

  it('takes model progress reports and answers nothing', () => {
    const h = handlers();
    expect(routeMessage({ type: 'model:progress', state: 'loading', progress: 0.5 }, fromDashboard, h)).toBeUndefined();
    expect(h.modelProgress).toHaveBeenCalledWith({ type: 'model:progress', state: 'loading', progress: 0.5 });
  });
});
