import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiRequest } from '@/utils/messages';
import type { ExtensionState } from '@/utils/state';
import { request } from '@/utils/ui-client';

export type StateChange = Exclude<UiRequest, { type: 'get-state' } | { type: 'list-items' }>;

export interface ExtensionStateHandle {
  state: ExtensionState | null;
  /** The last failure to read the state or apply a change, for an aria-live status line. */
  error: string | null;
  busy: boolean;
  /** Applies one change; resolves to true when the background accepted it. */
  change: (req: StateChange) => Promise<boolean>;
  refresh: () => Promise<void>;
}

/** Polls `get-state` while the page is open and applies changes through the background. */
export function useExtensionState(pollMs: number): ExtensionStateHandle {
  const [state, setState] = useState<ExtensionState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A poll that was sent before a change must not overwrite the state the change returned.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const gen = generation.current;
    try {
      const next = await request({ type: 'get-state' });
      if (gen === generation.current) {
        setState(next);
        setError(null);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const change = useCallback(async (req: StateChange) => {
    generation.current++;
    setBusy(true);
    try {
      setState(await request(req));
      setError(null);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [refresh, pollMs]);

  return { state, error, busy, change, refresh };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
