/**
 * Merging another incident into this one (lead/PR): its mentions move here and it is closed as merged, which
 * cannot be undone, so the choice is confirmed in a dialog that names both incidents and what moves.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/contract.types';
import { useIncidentChange } from '../api/queries';
import { ConfirmDialog } from '../ui/confirm.dialog';
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
      <ConfirmDialog
        open={confirming && other !== null}
        title={t('incidents.mergeConfirmTitle', { other: other?.title ?? '', into: incident.title })}
        body={t('incidents.mergeConsequence', { count: other?.mentionCount ?? 0, other: other?.title ?? '', into: incident.title })}
        confirmLabel={t('incidents.mergeConfirm')}
        pending={merge.isPending}
        error={merge.error?.message ?? null}
        onCancel={() => {
          setConfirming(false);
          merge.reset();
        }}
        onConfirm={() =>
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
      />
    </form>
  );
}
