/**
 * Merging another incident into this one (lead/PR): its mentions move here and it is closed as merged, which
 * cannot be undone, so the choice is confirmed in a dialog that names both incidents and what moves.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/contract.types';
import { useIncidentChange } from '../api/queries';
import { useToasts } from '../ui/toasts';

export function MergeIncident({ incident, incidents }: { incident: Incident; incidents: readonly Incident[] }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const merge = useIncidentChange();
  const [otherId, setOtherId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const candidates = incidents.filter((item) => item.id !== incident.id);
  const other = candidates.find((item) => item.id === otherId) ?? null;
  if (candidates.length === 0) return null;
  return (
    <form
      className="incident-merge"
      aria-label={t('incidents.mergeTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (other) setConfirming(true);
      }}
    >
      <h3 className="section-title">{t('incidents.mergeTitle')}</h3>
      <label className="field-inline">
        <span>{t('incidents.mergePick')}</span>
        <select value={otherId} onChange={(event) => setOtherId(event.target.value)}>
          <option value="">—</option>
          {candidates.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" className="button" disabled={!other || merge.isPending}>
        {t('incidents.merge')}
      </button>
      <Dialog.Root
        open={confirming && other !== null}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) merge.reset();
        }}
      >
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog" role="alertdialog" aria-describedby="merge-consequence">
            <Dialog.Title>{t('incidents.mergeConfirmTitle', { other: other?.title ?? '', into: incident.title })}</Dialog.Title>
            <p id="merge-consequence">
              {t('incidents.mergeConsequence', { count: other?.mentionCount ?? 0, other: other?.title ?? '', into: incident.title })}
            </p>
            {merge.error ? (
              <p className="error" role="alert">
                {merge.error.message}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={merge.isPending}
                onClick={() =>
                  other &&
                  merge.mutate(
                    { kind: 'merge', incidentId: incident.id, otherId: other.id },
                    {
                      onSuccess: () => {
                        setConfirming(false);
                        setOtherId('');
                        toasts.show({ tone: 'success', text: t('incidents.merged', { other: other.title, into: incident.title }) });
                      },
                    },
                  )
                }
              >
                {t('incidents.mergeConfirm')}
              </button>
              <Dialog.Close className="button">{t('common.cancel')}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </form>
  );
}
