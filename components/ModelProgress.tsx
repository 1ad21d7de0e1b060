import type { ModelProgress as Progress } from '@/utils/protocol/model-host';
import { formatPercent } from '@/utils/ui/format';
import { i18n } from '#i18n';

/** The on-device model download/load: a real progress bar while loading, the reason when it failed. */
export function ModelProgress({ model }: { model: Progress }) {
  if (model.state === 'loading') {
    const percent = formatPercent(model.progress);
    return (
      <div class="model-progress" data-testid="model-progress" data-state="loading">
        <label>
          <span>{i18n.t('model.preparing', [percent])}</span>
          <progress max={1} value={model.progress} aria-valuetext={percent} />
        </label>
        {model.message && <p class="muted small">{model.message}</p>}
      </div>
    );
  }
  if (model.state === 'error') {
    return (
      <div class="model-progress notice notice-error" data-testid="model-progress" data-state="error" role="alert">
        {model.message ? i18n.t('model.failedBecause', [model.message]) : i18n.t('model.failed')}
      </div>
    );
  }
  return (
    <p class="model-progress muted small" data-testid="model-progress" data-state={model.state}>
      {model.state === 'ready' ? i18n.t('model.ready') : i18n.t('model.idle')}
    </p>
  );
}
