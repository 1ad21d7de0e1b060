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
    ui: vi.fn(async () => ({ items: [], deletions: [], inclusion: {} })),
  } satisfies MessageHandlers;
}
const fromPage = { id: 'tributary', url: 'https://news.example/rivers', tab: { url: 'https://news.example/rivers', incognito: false } };
const fromDashboard = { id: 'tributary', url: `${EXTENSION}dashboard.html`, tab: { url: `${EXTENSION}dashboard.html`, incognito: false } };

describe('routeMessage: each sender speaks its own protocol, validated on arrival', () => {
  it('hands a valid observer message to the observer handler with the tab the browser names', async () => {
    const h = handlers();
    await routeMessage({ type: 'page-observation', observation }, fromPage, h);
    expect(h.observer).toHaveBeenCalledWith({ type: 'page-observation', observation }, { url: fromPage.tab.url, incognito: false });
    expect(h.ui).not.toHaveBeenCalled();
  });

  it('a web page cannot speak the UI protocol, and an extension page is not an observer', () => {
    const h = handlers();
    expect(routeMessage({ type: 'leave' }, fromPage, h)).toBeUndefined();
    expect(routeMessage({ type: 'collect-policy' }, fromDashboard, h)).toBeUndefined();
    expect(h.ui).not.toHaveBeenCalled();
    expect(h.observer).not.toHaveBeenCalled();
  });

  it('ignores malformed messages, other extensions, and observer messages from no tab', () => {
    const h = handlers();
    expect(routeMessage({ type: 'page-observation', observation: { ...observation, origin: 'https://news.example/path' } }, fromPage, h)).toBeUndefined();
    expect(routeMessage({ type: 'list-items' }, { ...fromDashboard, id: 'someone-else' }, h)).toBeUndefined();
    expect(routeMessage({ type: 'collect-policy' }, { id: 'tributary', url: 'https://news.example/' }, h)).toBeUndefined();
    expect(h.observer).not.toHaveBeenCalled();
  });

  it('wraps UI answers and refusals in the reply envelope', async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'list-items' }, fromDashboard, h)).resolves.toEqual({ ok: true, value: { items: [], deletions: [], inclusion: {} } });
    h.ui.mockRejectedValueOnce(new Error('opt in first'));
    await expect(routeMessage({ type: 'link-wallet' }, fromDashboard, h)).resolves.toEqual({ ok: false, error: 'opt in first' });
  });

  it('takes model progress reports and answers nothing', () => {
    const h = handlers();
    expect(routeMessage({ type: 'model:progress', state: 'loading', progress: 0.5 }, fromDashboard, h)).toBeUndefined();
    expect(h.modelProgress).toHaveBeenCalledWith({ type: 'model:progress', state: 'loading', progress: 0.5 });
  });
});
