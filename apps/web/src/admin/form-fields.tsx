/**
 * Pieces the admin forms share: the api's field errors (problem+json `errors: [{field, reason}]`) shown at
 * the input they name, a write-only secret input that says whether a value is stored without ever
 * showing it, the kind select and the name field of a new source or channel.
 */
import { useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

export interface FieldErrors {
  /** The api's reason for this field (`options.feedUrl`, `name`...), if it named one. */
  of(field: string): string | null;
  /** The error when it named no field the form shows (or was not a validation error at all). */
  general: string | null;
}

/** Splits an api error into reasons per shown field and the rest. */
export function fieldErrors(error: Error | null, shown: readonly string[]): FieldErrors {
  if (!error) return { of: () => null, general: null };
  const named = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const reasons = new Map<string, string>();
  for (const item of named) if (!reasons.has(item.field)) reasons.set(item.field, item.reason);
  const unshown = named.filter((item) => !shown.includes(item.field));
  const general =
    named.length === 0 ? error.message : unshown.length ? unshown.map((item) => `${item.field}: ${item.reason}`).join('; ') : null;
  return { of: (field) => (shown.includes(field) ? (reasons.get(field) ?? null) : null), general };
}

/** `id` of the element that carries a field's error (for aria-describedby). */
export const errorId = (formId: string, field: string) => `${formId}-${field.replace(/[^\w-]/g, '-')}-error`;
/** `id` of a field's control (its label points at it). */
export const controlId = (formId: string, field: string) => `${formId}-${field.replace(/[^\w-]/g, '-')}`;
export const hintId = (formId: string, field: string) => `${formId}-${field.replace(/[^\w-]/g, '-')}-hint`;

/**
 * One labelled field: the label names only the control (hints and the api's reason are tied to it with
 * aria-describedby, not read as part of its name).
 */
export function Field({
  formId,
  field,
  label,
  hint,
  reason,
  children,
}: {
  formId: string;
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  reason: string | null;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={controlId(formId, field)}>{label}</label>
      {children}
      {hint ? (
        <span id={hintId(formId, field)} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError formId={formId} field={field} reason={reason} />
    </div>
  );
}

/** id, aria-invalid and aria-describedby of a field's control. */
export function controlProps(formId: string, field: string, reason: string | null, hasHint = false) {
  return { id: controlId(formId, field), ...describedBy(formId, field, reason, hasHint ? hintId(formId, field) : undefined) };
}

export function FieldError({ formId, field, reason }: { formId: string; field: string; reason: string | null }) {
  if (!reason) return null;
  return (
    <span id={errorId(formId, field)} className="field-error">
      {reason}
    </span>
  );
}

/** Props that tie an input to its error, for the inputs the forms render. */
export function describedBy(formId: string, field: string, reason: string | null, hint?: string) {
  const ids = [reason ? errorId(formId, field) : null, hint ?? null].filter(Boolean).join(' ');
  return { 'aria-invalid': reason ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

/**
 * A secret: never pre-filled. With a stored value it reads "set" and an empty box keeps it; typing replaces
 * it. `required` applies only when nothing is stored yet.
 */
export function SecretField({
  formId,
  name,
  label,
  stored,
  required,
  value,
  onChange,
  reason,
  hint,
  fromFile,
}: {
  formId: string;
  name: string;
  label: ReactNode;
  stored: boolean;
  required: boolean;
  value: string;
  onChange(value: string): void;
  reason: string | null;
  hint?: string;
  /** File types (an `accept` list) the secret may be read from, e.g. a downloaded JSON key; typed only when absent. */
  fromFile?: string | null;
}) {
  const { t } = useTranslation();
  // The file's text as it is: a one-line password input would drop its line breaks.
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <Field
      formId={formId}
      field={name}
      reason={reason}
      label={
        <>
          {label} {stored ? <span className="badge badge-set">{t('forms.secretSet')}</span> : null}
        </>
      }
      hint={stored ? t('forms.secretStoredHint') : (hint ?? t('forms.secretHint'))}
    >
      <input
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        required={required && !stored}
        value={value}
        placeholder={stored ? t('forms.secretKeep') : ''}
        onChange={(event) => {
          setFileName(null);
          onChange(event.target.value);
        }}
        {...controlProps(formId, name, reason, true)}
      />
      {fromFile ? (
        <label className="secret-file">
          {fileName ? t('forms.secretFromFileRead', { file: fileName }) : t('forms.secretFromFile')}{' '}
          <input
            type="file"
            accept={fromFile}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              void file.text().then((text) => {
                setFileName(file.name);
                onChange(text);
              });
            }}
          />
        </label>
      ) : null}
    </Field>
  );
}

/** A yes/no setting that may also be left to its default (unset). */
export function BooleanSelect({
  value,
  onChange,
  ...props
}: { value: string; onChange(value: string): void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} {...props}>
      <option value="">{t('forms.default')}</option>
      <option value="true">{t('common.yes')}</option>
      <option value="false">{t('common.no')}</option>
    </select>
  );
}

/** The api's error for the form as a whole (or a pointer to the fields), then submit and cancel. */
export function FormFooter({
  errors,
  failed,
  pending,
  submitLabel,
  onCancel,
}: {
  errors: FieldErrors;
  failed: boolean;
  pending: boolean;
  submitLabel: string;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {failed ? (
        <p className="error" role="alert">
          {errors.general ?? t('forms.fixFields')}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

/**
 * The select that picks what a new source or channel is (its channel or kind); choosing another one clears
 * what the form holds for the previous one (`onChange` does that). Shown only when creating.
 */
export function KindSelect({
  formId,
  field,
  label,
  reason,
  value,
  choices,
  onChange,
}: {
  formId: string;
  field: string;
  label: ReactNode;
  reason: string | null;
  value: string;
  choices: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <Field formId={formId} field={field} label={label} reason={reason}>
      <select value={value} onChange={(event) => onChange(event.target.value)} {...controlProps(formId, field, reason)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The required display name of a source or channel (at most 200 characters, as the api allows). */
export function NameField({ formId, reason, value, onChange }: { formId: string; reason: string | null; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field formId={formId} field="name" label={t('admin.name')} reason={reason}>
      <input required maxLength={200} value={value} onChange={(event) => onChange(event.target.value)} {...controlProps(formId, 'name', reason)} />
    </Field>
  );
}
