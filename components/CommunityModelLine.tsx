import type { ItemsReply } from '@/utils/protocol/ui';
import { communityModelNotes } from '@/utils/ui/community-model';

/** Where the items' topic labels come from: the verified community model, or why there is none. */
export function CommunityModelLine({ info }: { info: ItemsReply['communityModel'] }) {
  return (
    <div class="community-model" data-testid="community-model" data-release={info.model?.manifestCid ?? ''}>
      {communityModelNotes(info).map((note) => (
        <p key={note.kind} class={`small ${note.kind === 'failed' ? 'notice notice-error' : 'muted'}`} data-kind={note.kind}>
          {note.text}
        </p>
      ))}
    </div>
  );
}
