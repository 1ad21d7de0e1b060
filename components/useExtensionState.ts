import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiRequest } from '@/utils/messages';
import type { ExtensionState } from '@/utils/state';
import { request } from '@/utils/ui-client';

export type StateChange = Exclude<UiRequest, { type: 'get-state' } | { type: 'list-items' }>;

/** What each change is called in an error message: "Could not delete: collector unreachable". */
const CHANGE_NAMES: Record<StateChange['type'], string> = {
  'opt-in': 'opt in',
  'opt-out': 'opt out',
  pause: 'pause',
  resume: 'resume',
  'set-signals': 'change the signals',
  'set-review-mode': 'change review mode',
  'set-site-rule': 'change the site rule',
  'approve-items': 'approve',
  'edit-item': 'save the edit',
  delete: 'delete',
  leave: 'leave',
  flush: 'send now',
  'link-wallet': 'open the claim page',
  'dismiss-dropped-notice': 'dismiss the notice',
  'verify-dataset': 'check the dataset',
};

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
  // Kept apart: a later successful poll must not hide why the person's last change failed.
  const [readError, setReadError] = useState<string | null>(null);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A poll that was sent before a change must not overwrite the state the change returned.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const gen = generation.current;
    try {
      const next = await request({ type: 'get-state' });
      if (gen === generation.current) setState(next);
      setReadError(null);
    } catch (e) {
      setReadError(errorMessage(e));
    }
  }, []);

  const change = useCallback(async (req: StateChange) => {
    generation.current++;
    setBusy(true);
    setChangeError(null);
    try {
      setState(await request(req));
      return true;
    } catch (e) {
      setChangeError(`Could not ${CHANGE_NAMES[req.type]}: ${errorMessage(e)}`);
      // A refused change may still have changed something (leave opts out before it deletes).
      void refresh();
      return false;
    } finally {
      setBusy(false);
    }
  }, [refresh]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [refresh, pollMs]);

  return { state, error: changeError ?? readError, busy, change, refresh };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
