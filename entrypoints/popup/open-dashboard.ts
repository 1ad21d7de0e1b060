import { browser } from 'wxt/browser';

export async function openDashboard(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  window.close();
}
