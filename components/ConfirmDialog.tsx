import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface ConfirmRequest {
  title: string;
  body: ComponentChildren;
  confirmLabel: string;
  /** Destructive unless said otherwise. */
  tone?: 'danger' | 'primary';
  /** When set, the person must type this word before confirming (for irreversible actions). */
  typeToConfirm?: string;
  onConfirm: () => void;
}

/** A modal `<dialog>`: focus is trapped by the browser and Escape cancels. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      setTyped('');
      dialog.showModal();
    } else if (!request && dialog.open) dialog.close();
  }, [request]);

  const ready = !request?.typeToConfirm || typed.trim() === request.typeToConfirm;
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="confirm-title" onClose={onClose}>
      {request && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!ready) return;
            request.onConfirm();
            onClose();
          }}
        >
          <h2 id="confirm-title">{request.title}</h2>
          <div class="dialog-body">{request.body}</div>
          {request.typeToConfirm && (
            <label class="field">
              <span>{i18n.t('confirm.typeToConfirm', [request.typeToConfirm])}</span>
              <input
                type="text"
                value={typed}
                autoComplete="off"
                data-testid="confirm-input"
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
            </label>
          )}
          <div class="actions">
            <button type="button" class="btn" onClick={onClose}>
              {i18n.t('common.cancel')}
            </button>
            <button type="submit" class={`btn btn-${request.tone ?? 'danger'}`} disabled={!ready} data-testid="confirm-delete">
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
