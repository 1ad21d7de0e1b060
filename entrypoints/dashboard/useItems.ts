import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ItemsReply } from '@/utils/protocol/ui';
import { request } from '@/utils/ui-client';
import { errorMessage } from '@/components/useExtensionState';

export interface ItemsHandle {
  data: ItemsReply | null;
  error: string | null;
  reload: () => Promise<void>;
}

/** The full listing of items and deletion receipts, refreshed periodically and after every change. */
export function useItems(pollMs: number): ItemsHandle {
  const [data, setData] = useState<ItemsReply | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await request({ type: 'list-items' }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void reload();
    // Once per opening: whether the community released a newer model (the background keeps the answer).
    void request({ type: 'check-community-model' })
      .then(setData)
      .catch(() => undefined);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);

  return { data, error, reload };
}
