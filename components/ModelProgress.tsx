import type { ModelProgress as Progress } from '@/utils/messages';
import { formatPercent } from '@/utils/ui/format';

/** The on-device model download/load: a real progress bar while loading, the reason when it failed. */
export function ModelProgress({ model }: { model: Progress }) {
  if (model.state === 'loading') {
    const percent = formatPercent(model.progress);
    return (
      <div class="model-progress" data-testid="model-progress" data-state="loading">
        <label>
          <span>Preparing the on-device anonymizer… {percent}</span>
          <progress max={1} value={model.progress} aria-valuetext={percent} />
        </label>
        {model.message && <p class="muted small">{model.message}</p>}
      </div>
    );
  }
  if (model.state === 'error') {
    return (
      <div class="model-progress notice notice-error" data-testid="model-progress" data-state="error" role="alert">
        The on-device anonymizer could not load{model.message ? `: ${model.message}` : '.'} Nothing is sent until it works.
      </div>
    );
  }
  return (
    <p class="model-progress muted small" data-testid="model-progress" data-state={model.state}>
      {model.state === 'ready' ? 'On-device anonymizer ready.' : 'On-device anonymizer loads when first needed.'}
    </p>
  );
}
