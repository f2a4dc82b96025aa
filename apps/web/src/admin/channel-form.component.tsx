/**
 * Adding or changing a notification channel (lead/admin). The settings come from GET
 * /api/notification-channels/kinds per kind; secret ones are write-only (a stored secret reads "set", an empty
 * box keeps it), an emptied optional setting is cleared. Which alerts the channel gets: kinds and the lowest
 * level. The api's reasons appear at their field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind, ChannelKindField, NotificationChannel } from '../api/contract.types';
import { readNotificationChannel } from '../api/normalise';
import { queryKeys } from '../api/query-keys';
import { useApi } from '../app/services';
import { BooleanSelect, controlProps, Field, FieldError, fieldErrors, FormFooter, KindSelect, NameField, SecretField } from './form-fields';

/** Alert kinds and levels a channel can be limited to (libs/persistence ALERT_KINDS, the escalation scale). */
export const ALERT_KINDS = ['escalation', 'incident', 'campaign', 'sla_breach', 'source_failing'] as const;
export const ALERT_LEVELS = ['watch', 'warning', 'critical'] as const;

function initialSettings(channel: NotificationChannel | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(channel?.settings ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
  );
}

interface ChannelFormProps {
  kinds: readonly ChannelKind[];
  channel: NotificationChannel | null;
  onSaved(channel: NotificationChannel): void;
  onCancel(): void;
}

export function ChannelForm({ kinds, channel, onSaved, onCancel }: ChannelFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const formId = useId().replace(/:/g, '');
  const [kind, setKind] = useState(channel?.kind ?? kinds[0]?.kind ?? '');
  const spec = kinds.find((item) => item.kind === kind) ?? null;
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [settings, setSettings] = useState<Record<string, string>>(() => initialSettings(channel));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [alertKinds, setAlertKinds] = useState<string[]>(channel?.routes.kinds ?? []);
  const [minLevel, setMinLevel] = useState(channel?.routes.minLevel ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      readNotificationChannel(
        channel
          ? await api.patch(`/api/notification-channels/${encodeURIComponent(channel.id)}`, body)
          : await api.post('/api/notification-channels', body),
      ),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: queryKeys.notificationChannels });
      onSaved(saved);
    },
  });
  const shown = [
    'kind',
    'name',
    'routes',
    'routes.kinds',
    'routes.minLevel',
    ...(spec?.fields.map((field) => `config.${field.name}`) ?? []),
  ];
  const errors = fieldErrors(save.error, shown);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!spec) return;
    const config: Record<string, unknown> = {};
    for (const field of spec.fields) {
      if (field.secret) {
        if (secrets[field.name]) config[field.name] = secrets[field.name];
        continue;
      }
      const value = (settings[field.name] ?? '').trim();
      if (field.type === 'boolean') {
        if (value) config[field.name] = value === 'true';
        else if (channel) config[field.name] = null;
      } else if (value) config[field.name] = value;
      // An emptied optional setting is cleared on a change; on a new channel it is simply not sent.
      else if (channel && !field.required) config[field.name] = null;
    }
    const routes = { ...(alertKinds.length ? { kinds: alertKinds } : {}), ...(minLevel ? { minLevel } : {}) };
    save.mutate(channel ? { name: name.trim(), enabled, config, routes } : { kind, name: name.trim(), enabled, config, routes });
  };

  const fieldLabel = (field: ChannelKindField) => (
    <>
      {t(`channelField.${field.name}`, { defaultValue: field.name })} <code className="field-name">{field.name}</code>
    </>
  );

  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} ref={heading} tabIndex={-1} className="section-title">
        {channel ? t('channels.editTitle', { name: channel.name }) : t('channels.addTitle')}
      </h2>
      {channel ? null : (
        <KindSelect
          formId={formId}
          field="kind"
          label={t('admin.kind')}
          reason={errors.of('kind')}
          value={kind}
          choices={kinds.map((item) => ({ value: item.kind, label: t(`channelKind.${item.kind}`, { defaultValue: item.kind }) }))}
          onChange={(next) => {
            setKind(next);
            setSettings({});
            setSecrets({});
            save.reset();
          }}
        />
      )}
      <NameField formId={formId} reason={errors.of('name')} value={name} onChange={setName} />
      <label className="facet-option">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        {t('admin.enabled')}
      </label>
      {spec ? (
        <fieldset className="form-group">
          <legend>{t('channels.settings')}</legend>
          {spec.fields.map((field) => {
            const path = `config.${field.name}`;
            const reason = errors.of(path);
            if (field.secret)
              return (
                <SecretField
                  key={field.name}
                  formId={formId}
                  name={path}
                  label={fieldLabel(field)}
                  stored={Boolean(channel?.secrets[field.name])}
                  required={field.required}
                  value={secrets[field.name] ?? ''}
                  onChange={(value) => setSecrets((current) => ({ ...current, [field.name]: value }))}
                  reason={reason}
                  hint={field.required ? t('forms.required') : undefined}
                />
              );
            const value = settings[field.name] ?? '';
            const set = (next: string) => setSettings((current) => ({ ...current, [field.name]: next }));
            const hint = field.type === 'emails' ? t('forms.commaSeparated') : field.required ? t('forms.required') : undefined;
            const common = { ...controlProps(formId, path, reason, Boolean(hint)), required: field.required };
            return (
              <Field key={field.name} formId={formId} field={path} label={fieldLabel(field)} hint={hint} reason={reason}>
                {field.type === 'boolean' ? (
                  <BooleanSelect value={value} onChange={set} {...common} />
                ) : (
                  <input
                    type={field.type === 'url' ? 'url' : field.type === 'port' ? 'number' : field.type === 'email' ? 'email' : 'text'}
                    value={value}
                    onChange={(event) => set(event.target.value)}
                    {...common}
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ) : null}
      <fieldset className="form-group">
        <legend>{t('channels.routes')}</legend>
        <p className="hint">{t('channels.routesHint')}</p>
        {ALERT_KINDS.map((alertKind) => (
          <label key={alertKind} className="facet-option">
            <input
              type="checkbox"
              checked={alertKinds.includes(alertKind)}
              onChange={(event) =>
                setAlertKinds((current) => (event.target.checked ? [...current, alertKind] : current.filter((item) => item !== alertKind)))
              }
            />
            {t(`alertKind.${alertKind}`)}
          </label>
        ))}
        <Field formId={formId} field="routes.minLevel" label={t('channels.minLevel')} reason={errors.of('routes.minLevel')}>
          <select
            value={minLevel}
            onChange={(event) => setMinLevel(event.target.value)}
            {...controlProps(formId, 'routes.minLevel', errors.of('routes.minLevel'))}
          >
            <option value="">{t('channels.everyLevel')}</option>
            {ALERT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`alertLevel.${level}`)}
              </option>
            ))}
          </select>
        </Field>
        <FieldError formId={formId} field="routes.kinds" reason={errors.of('routes.kinds') ?? errors.of('routes')} />
      </fieldset>
      <FormFooter
        errors={errors}
        failed={Boolean(save.error)}
        pending={save.isPending || !spec}
        submitLabel={channel ? t('common.save') : t('channels.add')}
        onCancel={onCancel}
      />
    </form>
  );
}
