import { useEffect } from 'preact/hooks';
import { CommunityJoin } from '@/components/CommunityJoin';
import { StatusLine } from '@/components/StatusLine';
import { useExtensionState } from '@/components/useExtensionState';
import { i18n } from '#i18n';

declare const __COLLECTOR_URL__: string;

export function Options() {
  const { error, busy, change } = useExtensionState(5000);
  useEffect(() => {
    document.title = i18n.t('community.pageTitle');
  }, []);
  return (
    <main>
      <CommunityJoin builtInUrl={__COLLECTOR_URL__} busy={busy} change={change} />
      <StatusLine error={error} />
    </main>
  );
}
