/** A yes/no question before something that cannot be undone (deleting a source or a channel). */
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" role="alertdialog" aria-describedby="confirm-body">
          <Dialog.Title>{title}</Dialog.Title>
          <p id="confirm-body">{body}</p>
          {error ? (
            <p className="error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button button-danger" disabled={pending} onClick={onConfirm}>
              {confirmLabel}
            </button>
            <Dialog.Close className="button">{t('common.cancel')}</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
