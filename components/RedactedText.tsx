import { splitPlaceholders } from '@/utils/ui/placeholders';
import { i18n } from '#i18n';

/** Anonymized text with each placeholder (`[PERSON]`, `[EMAIL]`, …) marked so the reader sees what was removed. */
export function RedactedText({ text, class: className }: { text: string; class?: string }) {
  return (
    <span class={className}>
      {splitPlaceholders(text).map((seg, i) =>
        seg.kind === 'placeholder' ? (
          <mark key={i} class={`ph ph-${seg.entity.toLowerCase()}`} title={i18n.t('item.removedEntity', [seg.entity.toLowerCase()])}>
            {seg.text}
          </mark>
        ) : (
          seg.text
        ),
      )}
    </span>
  );
}
