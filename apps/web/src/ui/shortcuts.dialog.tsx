/** The keyboard help ("?"): a Radix dialog, so focus is trapped and Escape closes it. */
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../inbox/inbox-keys';

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>{t('shortcuts.title')}</Dialog.Title>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.action}>
                  <td>
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? ' / ' : ''}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{t(`shortcuts.${shortcut.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Dialog.Close className="button">{t('common.close')}</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
