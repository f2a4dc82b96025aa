/**
 * Bulk actions on the selected mentions (POST /api/mentions/bulk): claim, release, status, snooze, the do-not-engage
 * lane, assign (lead), and — for lead and PR — a new incident from them or adding them to one. The api
 * answers every id; what it refused stays selected and is explained in groups ("3 of 20 are claimed by
 * Anna"), what it did leaves the selection.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import type { BulkItemResult, Role } from '../api/contract.types';
import { useBulkAction, useIncidentChange, useIncidents, useUsers, type BulkAction, type BulkInput } from '../api/queries';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { snoozeUntil } from '../conversation/conversation.panel';
import { useToasts } from '../ui/toasts';

/** Statuses a person sets by hand from the list (new is the pipeline's, do_not_engage has its own button). */
export const BULK_STATUSES = ['open', 'pending', 'resolved', 'spam'] as const;

export interface FailureGroup {
  code: string;
  /** Who holds the claim (claimed), or the api's reason (other failures). */
  label: string | null;
  ids: string[];
}

/** Refusals grouped by why: one line per claim holder, per kind of refusal, per distinct other reason. */
export function groupFailures(results: readonly BulkItemResult[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const result of results) {
    if (result.ok) continue;
    const code = result.code ?? 'error';
    const label = code === 'claimed' ? result.holder : code === 'invalid-transition' || code === 'not-found' ? null : result.detail;
    const key = `${code}\u0000${label ?? ''}`;
    const group = groups.get(key) ?? { code, label, ids: [] };
    group.ids.push(result.id);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}

interface BulkBarProps {
  selected: readonly string[];
  role: Role;
  /** Called after every action with the ids the api acted on (they leave the selection; the rest stay). */
  onDone(doneIds: string[]): void;
  onClear(): void;
}

type Outcome = { total: number; groups: FailureGroup[] } | null;

export function BulkBar({ selected, role, onDone, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const bulk = useBulkAction();
  const incidentChange = useIncidentChange();
  const manager = can(role, 'assign');
  const incidentManager = can(role, 'manageIncidents');
  const users = useUsers();
  const [status, setStatus] = useState<string>('resolved');
  const [snooze, setSnooze] = useState('1h');
  const [assignee, setAssignee] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dialog, setDialog] = useState<'create' | 'attach' | null>(null);
  const count = selected.length;
  const busy = bulk.isPending || incidentChange.isPending;

  const run = (action: BulkAction) => {
    const ids = [...selected];
    setOutcome(null);
    bulk.mutate({ ...action, ids } satisfies BulkInput, {
      onSuccess: (report) => {
        if (report.failed === 0) toasts.show({ tone: 'success', text: t('bulk.done', { count: report.succeeded }) });
        else setOutcome({ total: report.results.length, groups: groupFailures(report.results) });
        onDone(report.results.filter((result) => result.ok).map((result) => result.id));
      },
      onError: (error) => toasts.show({ tone: 'error', text: error.message }),
    });
  };

  const failureText = (group: FailureGroup, total: number) => {
    const values = { count: group.ids.length, total };
    switch (group.code) {
      case 'claimed':
        return t('bulk.failedClaimed', { ...values, name: group.label ?? t('bulk.someone') });
      case 'invalid-transition':
        return t('bulk.failedTransition', values);
      case 'not-found':
        return t('bulk.failedGone', values);
      default:
        return t('bulk.failedOther', { ...values, reason: group.label ?? group.code });
    }
  };

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')}>
      <div className="bulk-row">
        <strong role="status">{t('bulk.selected', { count })}</strong>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setOutcome(null);
            onClear();
          }}
        >
          {t('bulk.clear')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => run({ action: 'claim' })}>
          {t('actions.claim')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => run({ action: 'release' })}>
          {t('actions.release')}
        </button>
        <span className="bulk-group">
          <label className="field-inline">
            <span className="visually-hidden">{t('bulk.statusLabel')}</span>
            <select value={status} onChange={(event) => setStatus(event.target.value)}>
              {BULK_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => run({ action: 'status', status })}>
            {t('bulk.setStatus')}
          </button>
        </span>
        <span className="bulk-group">
          <label className="field-inline">
            <span className="visually-hidden">{t('bulk.snoozeLabel')}</span>
            <select value={snooze} onChange={(event) => setSnooze(event.target.value)}>
              <option value="1h">{t('actions.snooze1h')}</option>
              <option value="4h">{t('actions.snooze4h')}</option>
              <option value="tomorrow">{t('actions.snoozeTomorrow')}</option>
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run({ action: 'snooze', snoozedUntil: snoozeUntil(snooze) })}
          >
            {t('actions.snooze')}
          </button>
        </span>
        <button type="button" className="button" disabled={busy} onClick={() => run({ action: 'status', status: 'do_not_engage' })}>
          {t('bulk.doNotEngage')}
        </button>
        {manager ? (
          <span className="bulk-group">
            <label className="field-inline">
              <span className="visually-hidden">{t('bulk.assignLabel')}</span>
              <select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
                <option value="">{t('actions.nobody')}</option>
                {users.data?.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" disabled={busy} onClick={() => run({ action: 'assign', userId: assignee || null })}>
              {t('actions.assign')}
            </button>
          </span>
        ) : null}
        {incidentManager ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => setDialog('create')}>
              {t('bulk.newIncident')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setDialog('attach')}>
              {t('bulk.addToIncident')}
            </button>
          </>
        ) : null}
      </div>
      {outcome ? (
        <div className="bulk-failures" role="alert">
          <p>
            {t('bulk.partial', {
              done: outcome.total - outcome.groups.reduce((sum, group) => sum + group.ids.length, 0),
              total: outcome.total,
            })}
          </p>
          <ul>
            {outcome.groups.map((group) => (
              <li key={`${group.code}-${group.label ?? ''}`}>{failureText(group, outcome.total)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <IncidentDialog
        mode={dialog}
        count={count}
        pending={incidentChange.isPending}
        onClose={() => {
          setDialog(null);
          incidentChange.reset();
        }}
        onSubmit={(input) =>
          incidentChange.mutate(
            input.kind === 'create'
              ? { kind: 'create', title: input.title, mentionIds: [...selected] }
              : { kind: 'attach', incidentId: input.incidentId, mentionIds: [...selected] },
            {
              onSuccess: (incident) => {
                setDialog(null);
                onDone([...selected]);
                toasts.show({
                  tone: 'success',
                  text: t(input.kind === 'create' ? 'bulk.incidentCreated' : 'bulk.incidentAttached', { count, title: incident.title }),
                  action: { label: t('bulk.openIncident'), run: () => navigate(`/incidents/${encodeURIComponent(incident.id)}`) },
                });
              },
            },
          )
        }
        error={incidentChange.error}
      />
    </section>
  );
}

type IncidentInput = { kind: 'create'; title: string } | { kind: 'attach'; incidentId: string };

function IncidentDialog({
  mode,
  count,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  mode: 'create' | 'attach' | null;
  count: number;
  pending: boolean;
  error: Error | null;
  onClose(): void;
  onSubmit(input: IncidentInput): void;
}) {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const [title, setTitle] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const open = incidents.data?.filter((incident) => incident.status !== 'resolved') ?? [];
  const fieldError = (field: string) =>
    error instanceof ApiError ? (error.problem.errors?.find((item) => item.field === field)?.reason ?? null) : null;
  const titleError = fieldError('title');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'create') onSubmit({ kind: 'create', title: title.trim() });
    else if (incidentId) onSubmit({ kind: 'attach', incidentId });
  };
  const generalError = error && !titleError ? error.message : null;
  return (
    <Dialog.Root open={mode !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby="incident-dialog-hint">
          <Dialog.Title>{mode === 'create' ? t('bulk.newIncidentTitle') : t('bulk.addToIncidentTitle')}</Dialog.Title>
          <p id="incident-dialog-hint" className="hint">
            {t('bulk.incidentHint', { count })}
          </p>
          <form onSubmit={submit}>
            {mode === 'create' ? (
              <label className="field">
                <span>{t('bulk.incidentName')}</span>
                <input
                  required
                  maxLength={200}
                  value={title}
                  aria-invalid={titleError ? true : undefined}
                  aria-describedby={titleError ? 'incident-title-error' : undefined}
                  onChange={(event) => setTitle(event.target.value)}
                />
                {titleError ? (
                  <span id="incident-title-error" className="field-error">
                    {titleError}
                  </span>
                ) : null}
              </label>
            ) : (
              <label className="field">
                <span>{t('bulk.incidentPick')}</span>
                <select required value={incidentId} onChange={(event) => setIncidentId(event.target.value)}>
                  <option value="">—</option>
                  {open.map((incident) => (
                    <option key={incident.id} value={incident.id}>
                      {incident.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {generalError ? (
              <p className="error" role="alert">
                {generalError}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="submit" className="button button-primary" disabled={pending}>
                {mode === 'create' ? t('bulk.createIncident') : t('bulk.attach')}
              </button>
              <Dialog.Close className="button">{t('common.cancel')}</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
