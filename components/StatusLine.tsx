/** One polite live region per page: results of actions and errors are announced to screen readers. */
export function StatusLine({ message, error }: { message?: string | null; error?: string | null }) {
  return (
    <p class={`status-line${error ? ' status-error' : ''}`} role="status" aria-live="polite" data-testid="status-line">
      {error ?? message ?? ''}
    </p>
  );
}
