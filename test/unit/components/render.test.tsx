// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ItemCard, type ItemActions } from '@/components/ItemCard';
import { ModelProgress } from '@/components/ModelProgress';
import { RedactedText } from '@/components/RedactedText';
import { RewardsCard } from '@/components/RewardsCard';
import { OptIn } from '@/entrypoints/popup/OptIn';
import type { ItemView } from '@/utils/protocol/ui';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const $ = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

function item(over: Partial<ItemView>): ItemView {
  return { id: 'item-1', origin: 'https://a.example', visitedAt: Date.now(), dwellMs: 5000, scrollDepth: 0.4, interactions: 2, status: 'ready', attempts: 0, ...over };
}

function actions(): ItemActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    onDelete: (i) => calls.push(`delete:${i.id}`),
    onApprove: (i) => calls.push(`approve:${i.id}`),
    onEdit: async (i, text) => (calls.push(`edit:${i.id}:${text}`), true),
  };
}

describe('RedactedText', () => {
  it('marks each placeholder and keeps the rest as text', () => {
    render(<RedactedText text="Ask [PERSON] at [EMAIL] [EDIT]" />, root);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['[PERSON]', '[EMAIL]']);
    expect(root.textContent).toBe('Ask [PERSON] at [EMAIL] [EDIT]');
  });
});

describe('ModelProgress', () => {
  it('shows a real progress bar with its percentage while loading', () => {
    render(<ModelProgress model={{ type: 'model:progress', state: 'loading', progress: 0.25, message: 'ner 5 of 20 MB' }} />, root);
    const bar = root.querySelector('progress')!;
    expect(bar.value).toBe(0.25);
    expect($('model-progress')!.textContent).toContain('25%');
    expect($('model-progress')!.textContent).toContain('ner 5 of 20 MB');
  });

  it('states the error instead of a bar', () => {
    render(<ModelProgress model={{ type: 'model:progress', state: 'error', progress: 0, message: 'out of memory' }} />, root);
    expect(root.querySelector('progress')).toBeNull();
    expect($('model-progress')!.getAttribute('role')).toBe('alert');
    expect($('model-progress')!.textContent).toContain('out of memory');
  });
});

describe('ItemCard', () => {
  it('offers approve, edit and drop on a held item, and reports which item', () => {
    const a = actions();
    render(<ItemCard item={item({ status: 'held', redacted: { title: 'Hi [PERSON]', text: 'x' } })} actions={a} />, root);
    const row = $('item')!;
    expect(row.dataset.itemId).toBe('item-1');
    expect(row.dataset.status).toBe('held');
    act(() => $('item-approve')!.click());
    act(() => $('item-delete')!.click());
    expect(a.calls).toEqual(['approve:item-1', 'delete:item-1']);
    expect($('item-edit')).not.toBeNull();
  });

  it('shows what left and the receipt on a sent item, with no approve or edit', () => {
    const sent = item({
      status: 'sent',
      redacted: { title: 'T', text: 'Call [PHONE]' },
      bundleId: '11111111-1111-4111-8111-111111111111',
      sentAt: Date.now(),
      receipt: { bundleId: '11111111-1111-4111-8111-111111111111', storedAt: Date.now() },
    });
    render(<ItemCard item={sent} actions={actions()} />, root);
    expect($('receipt')!.dataset.bundleId).toBe('11111111-1111-4111-8111-111111111111');
    expect($('item-approve')).toBeNull();
    expect($('item-edit')).toBeNull();
    act(() => root.querySelector<HTMLButtonElement>('.item-toggle')!.click());
    expect(root.querySelector('.item-text')!.textContent).toContain('Exactly what left this device');
    expect(root.querySelector('.item-text mark')!.textContent).toBe('[PHONE]');
  });

  it('says a visit’s site reserves text and data mining, shows no text and offers no edit', () => {
    render(<ItemCard item={item({ status: 'held', redacted: { title: '', text: '' }, tdmReserved: true })} actions={actions()} />, root);
    expect($('item-tdm-reserved')!.textContent).toBe('This site reserves text and data mining');
    expect(root.textContent).not.toContain('(no title)');
    expect($('item-edit')).toBeNull();
    expect(root.querySelector('.item-text')).toBeNull();
    expect(root.textContent).toContain('no title or text of this visit was taken');
  });

  it('says a failed item will not be sent', () => {
    render(<ItemCard item={item({ status: 'failed', raw: { title: 'a', text: 'b' }, error: 'model error' })} actions={actions()} />, root);
    expect(root.textContent).toContain('could not be anonymized; it will not be sent');
    expect(root.textContent).toContain('model error');
  });
});

describe('RewardsCard', () => {
  it('without token rewards, agrees with the balance the collector reported instead of saying nothing was reported', () => {
    render(<RewardsCard rewards={null} balance={{ balance: 3, updatedAt: Date.now() }} />, root);
    const text = $('rewards')!.textContent!;
    expect(text).toContain('balance of 3');
    expect(text).toContain('without a reward chain');
    expect(text).not.toContain('not reported');
  });

  it('says the collector has not reported anything while there is no balance either', () => {
    render(<RewardsCard rewards={null} balance={null} />, root);
    expect($('rewards')!.textContent).toContain('has not reported your rewards yet');
  });
});

describe('ConfirmDialog', () => {
  it('keeps confirm disabled until the word is typed', () => {
    const confirmed = vi.fn();
    render(<ConfirmDialog request={{ title: 'Leave?', body: 'gone', confirmLabel: 'Leave', typeToConfirm: 'DELETE', onConfirm: confirmed }} onClose={() => undefined} />, root);
    const button = $('confirm-delete') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const input = $('confirm-input') as HTMLInputElement;
    act(() => {
      input.value = 'delete';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(button.disabled).toBe(true);
    act(() => {
      input.value = 'DELETE';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(button.disabled).toBe(false);
    act(() => button.click());
    expect(confirmed).toHaveBeenCalledOnce();
  });
});

/** The site-access prompt's answer. (The cast: spyOn types the callback overload, which returns void.) */
function siteAccessAnswer(granted: boolean) {
  return vi.spyOn(browser.permissions, 'request').mockResolvedValue(granted as never);
}

describe('OptIn', () => {
  it('asks for site access first and opts in only when it is granted', async () => {
    const request = siteAccessAnswer(true);
    const optIn = vi.fn(async () => true);
    render(<OptIn optIn={optIn} error={null} />, root);
    await act(async () => $('opt-in')!.click());
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    expect(optIn).toHaveBeenCalledOnce();
  });

  it('does not opt in and says so when site access is refused', async () => {
    siteAccessAnswer(false);
    const optIn = vi.fn(async () => true);
    render(<OptIn optIn={optIn} error={null} />, root);
    await act(async () => $('opt-in')!.click());
    expect(optIn).not.toHaveBeenCalled();
    expect($('status-line')!.textContent).toContain('not granted');
  });

  it('explains what is and is not collected before the button', () => {
    render(<OptIn optIn={async () => true} error={null} />, root);
    for (const phrase of ['never the full address', 'incognito', 'banking', 'Login and checkout', 'password fields', 'encrypted']) {
      expect(root.textContent).toContain(phrase);
    }
  });
});
