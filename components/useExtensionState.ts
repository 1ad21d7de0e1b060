import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiRequest } from '@/utils/protocol/ui';
import type { ExtensionState } from '@/utils/protocol/ui';
import { request } from '@/utils/ui-client';
import { i18n } from '#i18n';

export type StateChange = Exclude<UiRequest, { type: 'get-state' } | { type: 'list-items' } | { type: 'check-community-model' } | { type: 'redeemable-tokens' }>;

/** The error message of each change that failed: "Could not delete: collector unreachable". */
const CHANGE_FAILED: Record<StateChange['type'], (reason: string) => string> = {
  'opt-in': (reason) => i18n.t('changeFailed.optIn', [reason]),
  'opt-out': (reason) => i18n.t('changeFailed.optOut', [reason]),
  pause: (reason) => i18n.t('changeFailed.pause', [reason]),
  resume: (reason) => i18n.t('changeFailed.resume', [reason]),
  'set-signals': (reason) => i18n.t('changeFailed.setSignals', [reason]),
  'set-review-mode': (reason) => i18n.t('changeFailed.setReviewMode', [reason]),
  'set-site-rule': (reason) => i18n.t('changeFailed.setSiteRule', [reason]),
  'approve-items': (reason) => i18n.t('changeFailed.approveItems', [reason]),
  'edit-item': (reason) => i18n.t('changeFailed.editItem', [reason]),
  delete: (reason) => i18n.t('changeFailed.delete', [reason]),
  leave: (reason) => i18n.t('changeFailed.leave', [reason]),
  flush: (reason) => i18n.t('changeFailed.flush', [reason]),
  'open-governance': (reason) => i18n.t('changeFailed.openGovernance', [reason]),
  'dismiss-dropped-notice': (reason) => i18n.t('changeFailed.dismissDroppedNotice', [reason]),
  'verify-dataset': (reason) => i18n.t('changeFailed.verifyDataset', [reason]),
  'set-compute': (reason) => i18n.t('changeFailed.setCompute', [reason]),
  'pause-compute': (reason) => i18n.t('changeFailed.pause', [reason]),
  'resume-compute': (reason) => i18n.t('changeFailed.resume', [reason]),
  'tokens-handed': (reason) => i18n.t('changeFailed.tokensHanded', [reason]),
  'join-community': (reason) => i18n.t('changeFailed.joinCommunity', [reason]),
  'rejoin-built-in-community': (reason) => i18n.t('changeFailed.rejoinBuiltIn', [reason]),
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
      setChangeError(CHANGE_FAILED[req.type](errorMessage(e)));
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
