import type { ItemsReply } from '../protocol/ui';
import { formatPercent, shortHash } from './format';
import { i18n } from '#i18n';

export interface CommunityModelNote {
  kind: 'using' | 'none' | 'no-model' | 'failed' | 'unreachable';
  text: string;
}

/**
 * What the dashboard says about the topic labels: which verified model makes them, and whether the
 * last check for a newer one found none, failed verification, or could not reach the collector.
 */
export function communityModelNotes({ model, check }: ItemsReply['communityModel']): CommunityModelNote[] {
  const notes: CommunityModelNote[] = [];
  if (model) {
    notes.push({ kind: 'using', text: i18n.t('communityModel.using', [shortHash(model.manifestCid, 6), model.seq, formatPercent(model.heldOutAccuracy)]) });
  }
  if (check?.result === 'failed') notes.push({ kind: 'failed', text: i18n.t('communityModel.failed', [check.error ?? '']) });
  else if (check?.result === 'unreachable') notes.push({ kind: 'unreachable', text: i18n.t('communityModel.unreachable') });
  else if (!model && check?.result === 'no-model') notes.push({ kind: 'no-model', text: i18n.t('communityModel.noModel') });
  if (notes.length === 0) notes.push({ kind: 'none', text: i18n.t('communityModel.none') });
  return notes;
}
