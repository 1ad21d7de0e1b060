// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { afterLoad } from '../../../utils/collect/after-load';

describe('afterLoad', () => {
  it('waits for the load event while the page is still loading', async () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    let done = false;
    const waiting = afterLoad(window).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    window.dispatchEvent(new Event('load'));
    await waiting;
    expect(done).toBe(true);
  });

  it('resolves at once on a page that has loaded', async () => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    await expect(afterLoad(window)).resolves.toBeUndefined();
  });
});
