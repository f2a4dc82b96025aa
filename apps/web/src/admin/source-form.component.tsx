/**
 * Connecting or changing a source (admin). The fields come from GET /api/sources/capabilities, per channel:
 * the settings (`options`) and the secrets (`credentials`), which of them are needed, and how to ask for
 * each. Secrets are write-only: a stored one shows as "set", an empty box keeps it, typing replaces it (the
 * others are kept with `keepCredentials`). The api checks everything; its reasons appear at their field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSpec, SourceField, SourceInfo } from '../api/contract.types';
import { readSource } from '../api/normalise';
import { queryKeys } from '../api/query-keys';
import { useApi } from '../app/services';
import { BooleanSelect, controlProps, Field, fieldErrors, FormFooter, KindSelect, NameField, SecretField } from './form-fields';

type Values = Record<string, string>;

/** A stored option as the form edits it: lists one per line, the rest as text. */
function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

/** The form's text back to the value the api expects; undefined leaves the option out. */
export function fromText(field: SourceField, text: string): unknown {
  const value = text.trim();
  if (value === '') return undefined;
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true';
    case 'list':
      return value
        .split(/\n|,/)
        .map((item) => item.trim())
        .filter(Boolean);
    default:
      return value;
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);

interface SourceFormProps {
  channels: readonly ChannelSpec[];
  /** The source to change; null connects a new one. */
  source: SourceInfo | null;
  onSaved(source: SourceInfo, created: boolean): void;
  onCancel(): void;
}

export function SourceForm({ channels, source, onSaved, onCancel }: SourceFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const formId = useId().replace(/:/g, '');
  const creatable = channels.filter((spec) => spec.channel !== 'demo' || source?.channel === 'demo');
  const [channel, setChannel] = useState(source?.channel ?? creatable[0]?.channel ?? '');
  const spec = channels.find((item) => item.channel === channel) ?? null;
  const [name, setName] = useState(source?.name ?? '');
  const [brand, setBrand] = useState(source?.brand?.name ?? '');
  const [aliases, setAliases] = useState((source?.brand?.aliases ?? []).join('\n'));
  const [exclusions, setExclusions] = useState((source?.brand?.exclusions ?? []).join('\n'));
  const [intervalSeconds, setIntervalSeconds] = useState(source?.pollIntervalMs ? String(Math.round(source.pollIntervalMs / 1000)) : '');
  const [options, setOptions] = useState<Values>(() =>
    Object.fromEntries(Object.entries(source?.options ?? {}).map(([key, value]) => [key, toText(value)])),
  );
  const [secrets, setSecrets] = useState<Values>({});
  const [resetCursor, setResetCursor] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      readSource(source ? await api.patch(`/api/sources/${encodeURIComponent(source.id)}`, body) : await api.post('/api/sources', body)),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: queryKeys.sources });
      onSaved(saved, source === null);
    },
  });

  const shown = useMemo(
    () => [
      'channel',
      'name',
      'brand',
      'brandId',
      'brand.name',
      'brand.aliases',
      'brand.exclusions',
      'pollIntervalMs',
      ...(spec?.options.map((field) => `options.${field.name}`) ?? []),
      ...(spec?.credentials.map((field) => `credentials.${field.name}`) ?? []),
    ],
    [spec],
  );
  const errors = fieldErrors(save.error, shown);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!spec) return;
    // Options the form does not show (set through the api) are kept; the shown ones follow the form.
    const nextOptions: Record<string, unknown> = { ...(source?.options ?? {}) };
    for (const field of spec.options) {
      const value = fromText(field, options[field.name] ?? '');
      if (value === undefined) delete nextOptions[field.name];
      else nextOptions[field.name] = value;
    }
    const typed = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== ''));
    const brandBody = brand.trim() ? { name: brand.trim(), aliases: lines(aliases), exclusions: lines(exclusions) } : undefined;
    const pollIntervalMs = intervalSeconds.trim() ? Math.round(Number(intervalSeconds) * 1000) : undefined;
    if (source) {
      const brandChanged =
        brandBody &&
        (brandBody.name !== source.brand?.name ||
          brandBody.aliases.join('\n') !== (source.brand?.aliases ?? []).join('\n') ||
          brandBody.exclusions.join('\n') !== (source.brand?.exclusions ?? []).join('\n'));
      save.mutate({
        name: name.trim(),
        options: nextOptions,
        ...(brandChanged ? { brand: brandBody } : {}),
        ...(Object.keys(typed).length
          ? { credentials: typed, keepCredentials: source.credentialsSet.filter((stored) => !(stored in typed)) }
          : {}),
        ...(pollIntervalMs !== undefined && pollIntervalMs !== source.pollIntervalMs ? { pollIntervalMs } : {}),
        ...(resetCursor ? { resetCursor: true } : {}),
      });
    } else {
      save.mutate({
        channel,
        name: name.trim(),
        ...(brandBody ? { brand: brandBody } : {}),
        options: nextOptions,
        ...(Object.keys(typed).length ? { credentials: typed } : {}),
        ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
      });
    }
  };

  const fieldLabel = (field: SourceField) => (
    <>
      {t(`sourceField.${field.name}`, { defaultValue: field.name })} <code className="field-name">{field.name}</code>
    </>
  );
  const requirementHint = (field: SourceField) =>
    field.required
      ? t('forms.required')
      : field.oneOf.length > 1
        ? t('forms.oneOf', { fields: field.oneOf.filter((other) => other !== field.name).join(', ') })
        : null;

  const optionInput = (field: SourceField) => {
    const path = `options.${field.name}`;
    const reason = errors.of(path);
    const hint = [requirementHint(field), field.type === 'list' ? t('forms.onePerLine') : null].filter(Boolean).join(' · ');
    const value = options[field.name] ?? '';
    const set = (next: string) => setOptions((current) => ({ ...current, [field.name]: next }));
    const common = { ...controlProps(formId, path, reason, Boolean(hint)), required: field.required };
    let control;
    if (field.type === 'boolean') {
      control = <BooleanSelect value={value} onChange={set} {...common} />;
    } else if (field.type === 'choice') {
      control = (
        <select value={value} onChange={(event) => set(event.target.value)} {...common}>
          <option value="">{t('forms.default')}</option>
          {field.values.map((choice) => (
            <option key={choice} value={choice}>
              {t(`sourceValue.${choice}`, { defaultValue: choice })}
            </option>
          ))}
        </select>
      );
    } else if (field.type === 'list') {
      control = <textarea rows={2} value={value} onChange={(event) => set(event.target.value)} {...common} />;
    } else {
      control = (
        <input
          type={field.type === 'number' ? 'number' : field.type === 'url' ? 'url' : 'text'}
          value={value}
          onChange={(event) => set(event.target.value)}
          {...common}
        />
      );
    }
    return (
      <Field key={field.name} formId={formId} field={path} label={fieldLabel(field)} hint={hint || undefined} reason={reason}>
        {control}
      </Field>
    );
  };

  const brandReason = errors.of('brand.name') ?? errors.of('brand') ?? errors.of('brandId');
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="section-title" ref={heading} tabIndex={-1}>
        {source ? t('sources.editTitle', { name: source.name }) : t('sources.connectTitle')}
      </h2>
      {source ? null : (
        <KindSelect
          formId={formId}
          field="channel"
          label={t('admin.channel')}
          reason={errors.of('channel')}
          value={channel}
          choices={creatable.map((item) => ({ value: item.channel, label: t(`channel.${item.channel}`, { defaultValue: item.channel }) }))}
          onChange={(next) => {
            setChannel(next);
            setOptions({});
            setSecrets({});
            save.reset();
          }}
        />
      )}
      <NameField formId={formId} reason={errors.of('name')} value={name} onChange={setName} />
      <fieldset className="form-group">
        <legend>{t('sources.brand')}</legend>
        <Field formId={formId} field="brand.name" label={t('sources.brandName')} reason={brandReason}>
          <input
            required={channel !== 'demo' && !source}
            maxLength={200}
            value={brand}
            onChange={(event) => setBrand(event.target.value)}
            {...controlProps(formId, 'brand.name', brandReason)}
          />
        </Field>
        <Field formId={formId} field="brand.aliases" label={t('sources.aliases')} reason={errors.of('brand.aliases')}>
          <textarea
            rows={2}
            value={aliases}
            onChange={(event) => setAliases(event.target.value)}
            {...controlProps(formId, 'brand.aliases', errors.of('brand.aliases'))}
          />
        </Field>
        <Field formId={formId} field="brand.exclusions" label={t('sources.exclusions')} reason={errors.of('brand.exclusions')}>
          <textarea
            rows={2}
            value={exclusions}
            onChange={(event) => setExclusions(event.target.value)}
            {...controlProps(formId, 'brand.exclusions', errors.of('brand.exclusions'))}
          />
        </Field>
      </fieldset>
      {spec && (spec.options.length || spec.poll) ? (
        <fieldset className="form-group">
          <legend>{t('sources.settings')}</legend>
          {spec.options.map(optionInput)}
          {spec.poll ? (
            <Field formId={formId} field="pollIntervalMs" label={t('sources.pollInterval')} reason={errors.of('pollIntervalMs')}>
              <input
                type="number"
                min={1}
                value={intervalSeconds}
                onChange={(event) => setIntervalSeconds(event.target.value)}
                {...controlProps(formId, 'pollIntervalMs', errors.of('pollIntervalMs'))}
              />
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      {spec && spec.credentials.length ? (
        <fieldset className="form-group">
          <legend>{t('sources.secrets')}</legend>
          {spec.credentials.map((field) => (
            <SecretField
              key={field.name}
              formId={formId}
              name={`credentials.${field.name}`}
              label={fieldLabel(field)}
              stored={Boolean(source?.credentialsSet.includes(field.name))}
              required={field.required}
              value={secrets[field.name] ?? ''}
              onChange={(value) => setSecrets((current) => ({ ...current, [field.name]: value }))}
              reason={errors.of(`credentials.${field.name}`)}
              hint={requirementHint(field) ?? undefined}
              fromFile={field.fromFile}
            />
          ))}
        </fieldset>
      ) : null}
      {source ? (
        <label className="facet-option">
          <input type="checkbox" checked={resetCursor} onChange={(event) => setResetCursor(event.target.checked)} />
          {t('sources.resetCursor')}
        </label>
      ) : null}
      <FormFooter
        errors={errors}
        failed={Boolean(save.error)}
        pending={save.isPending || !spec}
        submitLabel={source ? t('common.save') : t('sources.connect')}
        onCancel={onCancel}
      />
    </form>
  );
}
