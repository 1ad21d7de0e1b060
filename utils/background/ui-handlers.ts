import { readConsent, updateConsent, DEFAULT_CONSENT } from '../consent/settings';
import { browser } from 'wxt/browser';
import { destroyDeviceKey, ensureDeviceKey } from '../identity/device-key';
import type { UiRequest } from '../protocol/ui';
import { approveItems, editItem, unsentItemIdsOn } from '../items/item-store';
import type { Db } from '../store/db';
import type { ExtensionState, ItemsReply, RedeemableTokensReply } from '../protocol/ui';
import { allTokens, asRewardToken, removeSpent } from '../tokens/token-store';
import { tokenSummary } from './extension-state';
import { deleteData } from './deletion';
import type { Engine } from './engine';
import { listItems } from './extension-state';
import { checkDatasetInclusion, clearInclusion } from './dataset-proof';
import { clearCollectorStatus, readCollectorStatus, updateCollectorStatus } from './collector-status';
import type { CollectorClient } from '../collector-client/client';
import { updateComputeSettings } from '../compute/settings';
import { clearCommunityModel } from '../community-model/model-store';
import { refreshCommunityModel } from '../community-model/refresh';
import type { ComputeWork } from './compute-work';
import { joinCommunity, rejoinBuiltInCommunity } from './join-community';

export interface UiDeps {
  db: () => Promise<Db>;
  engine: Engine;
  state: () => Promise<ExtensionState>;
  client: CollectorClient;
  /** The collector of the community this device contributes to now. */
  collectorUrl: () => Promise<string>;
  /** The collector the extension was built for. */
  builtInCollectorUrl: string;
  compute: Pick<ComputeWork, 'kick' | 'stop'>;
  now?: () => number;
}

/** Runs one validated request from the popup or dashboard and answers with what it shows next. */
export async function handleUiRequest(request: UiRequest, deps: UiDeps): Promise<ExtensionState | ItemsReply | RedeemableTokensReply> {
  const now = deps.now ?? (() => Date.now());
  const database = await deps.db();
  switch (request.type) {
    case 'get-state':
      return deps.state();
    case 'list-items':
      return listItems(database);
    case 'opt-in': {
      await ensureDeviceKey(database);
      await updateConsent((c) => ({ ...c, optedIn: true, optedInAt: now(), pausedUntil: null }));
      // Keys now, so the first bundle need not wait; an unreachable collector is shown, not fatal.
      await deps.engine.refreshKeys().catch(() => undefined);
      break;
    }
    case 'opt-out':
      await updateConsent((c) => ({ ...c, optedIn: false }));
      break;
    case 'pause':
      await updateConsent((c) => ({ ...c, pausedUntil: request.until }));
      break;
    case 'resume':
      await updateConsent((c) => ({ ...c, pausedUntil: null }));
      break;
    case 'set-signals':
      await updateConsent((c) => ({ ...c, signals: request.signals }));
      break;
    case 'set-review-mode':
      await updateConsent((c) => ({ ...c, reviewBeforeSending: request.reviewBeforeSending }));
      break;
    case 'set-site-rule':
      await updateConsent((c) => {
        const siteRules = { ...c.siteRules };
        if (request.rule === null) delete siteRules[request.origin];
        else siteRules[request.origin] = request.rule;
        return { ...c, siteRules };
      });
      if (request.rule === 'deny') {
        // "Never on this site" covers what was collected there and has not left yet.
        const unsent = await unsentItemIdsOn(database, request.origin);
        if (unsent.length > 0) await deleteData({ kind: 'items', ids: unsent }, { db: database, client: deps.client, now: now() });
      }
      break;
    case 'approve-items':
      await approveItems(database, request.ids);
      break;
    case 'edit-item':
      await editItem(database, request.id, request.text);
      break;
    case 'delete':
      await deleteData(request.scope, { db: database, client: deps.client, now: now() });
      break;
    case 'leave': {
      await updateConsent((c) => ({ ...c, optedIn: false }));
      await deleteData({ kind: 'all' }, { db: database, client: deps.client, now: now() });
      await destroyDeviceKey(database);
      await database.clear('deletions');
      await clearCollectorStatus();
      await clearInclusion();
      await clearCommunityModel(database);
      await updateConsent(() => DEFAULT_CONSENT);
      break;
    }
    case 'open-governance':
      await browser.tabs.create({ url: new URL('/governance/', await deps.collectorUrl()).href });
      break;
    case 'verify-dataset': {
      const receiptPub = (await readCollectorStatus()).collectorKeys?.receipt.publicKey;
      if (!receiptPub) throw new Error('the collector’s keys are not known yet');
      await checkDatasetInclusion(database, deps.client, receiptPub, now());
      break;
    }
    case 'check-community-model': {
      // Like every other request to the collector: only once the user opted in and its receipt key is pinned.
      // One small request per opening, whenever the engine last asked: a release cut since shows at once.
      const [consent, receiptPub] = await Promise.all([readConsent(), readCollectorStatus().then((s) => s.collectorKeys?.receipt.publicKey)]);
      if (consent.optedIn && receiptPub) await refreshCommunityModel(database, deps.client, receiptPub, now(), 0);
      return listItems(database);
    }
    case 'redeemable-tokens': {
      const [tokens, status] = await Promise.all([allTokens(database), readCollectorStatus()]);
      const closed = new Set(tokenSummary(tokens, status.tokenEpochs, now()).epochs.filter((e) => e.closed).map((e) => e.epoch));
      return { tokens: tokens.filter((t) => closed.has(t.epoch)).map(asRewardToken) };
    }
    case 'tokens-handed':
      await removeSpent(database, request.nullifiers);
      break;
    case 'dismiss-dropped-notice':
      await updateCollectorStatus((s) => ({ ...s, droppedNotice: 0 }));
      break;
    case 'flush':
      await deps.engine.tick({ force: true });
      break;
    case 'set-compute': {
      // Jobs are signed by the device key, whether or not browsing data is contributed too.
      if (request.settings.enabled) await ensureDeviceKey(database);
      const settings = await updateComputeSettings((s) => ({ ...s, ...request.settings }));
      if (settings.enabled) deps.compute.kick();
      else deps.compute.stop();
      break;
    }
    case 'pause-compute':
      await updateComputeSettings((s) => ({ ...s, pausedUntil: request.until }));
      deps.compute.stop();
      break;
    case 'resume-compute':
      await updateComputeSettings((s) => ({ ...s, pausedUntil: null }));
      deps.compute.kick();
      break;
    case 'join-community':
      await joinCommunity(request.descriptor, { ...switchDeps(deps), now: now() });
      break;
    case 'rejoin-built-in-community':
      await rejoinBuiltInCommunity({ ...switchDeps(deps), now: now() });
      break;
  }
  if (request.type !== 'flush' && request.type !== 'leave') void deps.engine.tick();
  return deps.state();
}

const switchDeps = ({ db, engine, compute, builtInCollectorUrl }: UiDeps) => ({ db, engine, compute, builtInCollectorUrl });
