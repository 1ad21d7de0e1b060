import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CommunityDescriptor } from '@/utils/collector-api/community-descriptor';
import { readJoinedCommunity, type JoinedCommunity } from '@/utils/community/joined-community';
import { previewCommunity, type CommunityPreview, type PreviewRefusal } from '@/utils/community/preview';
import type { StateChange } from './useExtensionState';
import { PolicyCard } from './PolicyCard';
import { StatusLine } from './StatusLine';
import { i18n } from '#i18n';

const REFUSED: Record<PreviewRefusal, () => string> = {
  not_a_url: () => i18n.t('community.refused.not_a_url'),
  unreachable: () => i18n.t('community.refused.unreachable'),
  no_policy: () => i18n.t('community.refused.no_policy'),
  malformed: () => i18n.t('community.refused.malformed'),
  bad_key_id: () => i18n.t('community.refused.bad_key_id'),
  bad_signature: () => i18n.t('community.refused.bad_signature'),
  wrong_origin: () => i18n.t('community.refused.wrong_origin'),
};

function chainLine(chain: CommunityDescriptor['chain']): string {
  if (!chain) return i18n.t('community.noChain');
  return i18n.t('community.chainValue', [String(chain.chainId), chain.token, chain.governor ?? '—', chain.policy ?? '—']);
}

/**
 * Which community this device contributes to, and joining another from its address: the signed
 * descriptor and the rules in force are shown first; "Join" asks the browser for that collector's
 * origin only, in the click itself (the permission prompt needs the user's gesture).
 */
export function CommunityJoin({ builtInUrl, busy, change }: { builtInUrl: string; busy: boolean; change: (req: StateChange) => Promise<boolean> }) {
  const [joined, setJoined] = useState<JoinedCommunity | null | undefined>(undefined);
  const [address, setAddress] = useState('');
  const [looking, setLooking] = useState(false);
  const [preview, setPreview] = useState<CommunityPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () => readJoinedCommunity().then(setJoined, () => setJoined(null));
  useEffect(() => void reload(), []);

  async function lookUp(e: Event) {
    e.preventDefault();
    setLooking(true);
    setPreview(null);
    setError(null);
    setMessage(null);
    const result = await previewCommunity(address);
    setLooking(false);
    if (result.ok) setPreview(result.preview);
    else setError(REFUSED[result.reason]());
  }

  function join(descriptor: CommunityDescriptor) {
    // Asked first thing in the click: after an await the browser no longer counts it as the user's gesture.
    const asked = browser.permissions.request({ origins: [`${descriptor.url}/*`] });
    void asked.then(async (granted) => {
      if (!granted) {
        setError(i18n.t('community.permissionRefused'));
        return;
      }
      if (await change({ type: 'join-community', descriptor })) {
        setPreview(null);
        setMessage(i18n.t('community.joined', [descriptor.name, descriptor.url]));
        await reload();
      }
    }, (err: unknown) => setError(String(err)));
  }

  async function rejoinBuiltIn() {
    if (await change({ type: 'rejoin-built-in-community' })) {
      setMessage(i18n.t('community.rejoinedBuiltIn'));
      await reload();
    }
  }

  return (
    <section class="card community" aria-labelledby="community-heading">
      <h2 id="community-heading">{i18n.t('community.heading')}</h2>
      {joined !== undefined && (
        <p data-testid="current-community">
          {i18n.t('community.current', [joined ? `${joined.descriptor.name} (${joined.descriptor.url})` : `${i18n.t('community.builtIn')} (${builtInUrl})`])}
        </p>
      )}
      {joined && (
        <button type="button" class="btn" data-testid="rejoin-built-in" disabled={busy} onClick={() => void rejoinBuiltIn()}>
          {i18n.t('community.rejoinBuiltIn')}
        </button>
      )}

      <h3>{i18n.t('community.joinHeading')}</h3>
      <p class="muted">{i18n.t('community.joinIntro')}</p>
      <form onSubmit={(e) => void lookUp(e)}>
        <label>
          {i18n.t('community.urlLabel')}{' '}
          <input type="url" required value={address} data-testid="community-url" onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" class="btn" data-testid="community-look-up" disabled={looking}>
          {looking ? i18n.t('community.lookingUp') : i18n.t('community.lookUp')}
        </button>
      </form>

      {preview && (
        <div class="community-preview" data-testid="community-preview">
          <h3 data-testid="community-name">{preview.descriptor.name}</h3>
          <p>{preview.descriptor.description}</p>
          <dl>
            <dt>{i18n.t('community.collector')}</dt>
            <dd class="mono" data-testid="community-collector">{preview.descriptor.url}</dd>
            <dt>{i18n.t('community.chain')}</dt>
            <dd class="mono">{chainLine(preview.descriptor.chain)}</dd>
          </dl>
          <PolicyCard policy={{ source: preview.policy.source, rules: preview.policy.rules, updatedAt: 0 }} />
          <p class="muted" data-testid="community-unsent-note">{i18n.t('community.unsentNote')}</p>
          <p class="muted">{i18n.t('community.permissionNote')}</p>
          <button type="button" class="btn btn-primary" data-testid="community-join" disabled={busy} onClick={() => join(preview.descriptor)}>
            {i18n.t('community.join')}
          </button>
        </div>
      )}
      <StatusLine message={message} error={error} />
    </section>
  );
}
