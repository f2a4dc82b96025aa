/**
 * The workspace settings the triage API reads and writes: the shared ones (SLA targets, calendar; see
 * libs/persistence workspace-settings.ts) plus `slaDueSoonMinutes` and `replyPolicy`. Other keys in the stored
 * JSON (escalation, alerting) are left untouched by updates here.
 */
import { WARN_RULE_IDS, type BrandVoice, type WarnRuleId } from '@otklik/reply-policy';
import { SEVERITIES, type Severity } from '@otklik/domain';
import { workspaceSettings, type WorkspaceSettings } from '@otklik/persistence';
import type { FieldError } from '../http/problem';

export interface StoredReplyPolicy {
  enabledWarnRules: WarnRuleId[];
  brandVoice: BrandVoice;
  bannedPhrases: string[];
  stockPhrases: string[];
  privateContact: string | null;
  repeatedParagraphThreshold: number;
}

export interface TriageSettings extends WorkspaceSettings {
  /** An unanswered mention whose first-response due time is closer than this is "due soon". */
  slaDueSoonMinutes: number;
  replyPolicy: StoredReplyPolicy;
}

export const DEFAULT_REPLY_POLICY: StoredReplyPolicy = {
  enabledWarnRules: [...WARN_RULE_IDS],
  brandVoice: { kind: 'we' },
  bannedPhrases: [],
  stockPhrases: [],
  privateContact: null,
  repeatedParagraphThreshold: 2,
};

export const DEFAULT_DUE_SOON_MINUTES = 30;

export function triageSettings(stored: Record<string, unknown> | null | undefined): TriageSettings {
  const base = workspaceSettings(stored as Partial<WorkspaceSettings>);
  const policy = (stored?.replyPolicy ?? {}) as Partial<StoredReplyPolicy>;
  return {
    ...base,
    slaDueSoonMinutes: typeof stored?.slaDueSoonMinutes === 'number' ? stored.slaDueSoonMinutes : DEFAULT_DUE_SOON_MINUTES,
    replyPolicy: { ...DEFAULT_REPLY_POLICY, ...policy },
  };
}

const SETTINGS_KEYS = [
  'slaFirstResponseMinutes',
  'slaResolutionMinutes',
  'timeZone',
  'businessHours',
  'slaDueSoonMinutes',
  'replyPolicy',
] as const;
const POLICY_KEYS = [
  'enabledWarnRules',
  'brandVoice',
  'bannedPhrases',
  'stockPhrases',
  'privateContact',
  'repeatedParagraphThreshold',
] as const;
const MAX_TARGET_MINUTES = 60 * 24 * 90;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function checkTargets(value: unknown, field: string, errors: FieldError[]): void {
  if (!isPlainObject(value)) {
    errors.push({ field, reason: 'must be an object of minutes per severity (critical, high, medium, low)' });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(SEVERITIES as readonly string[]).includes(key))
      errors.push({ field: `${field}.${key}`, reason: `is not a severity (one of ${SEVERITIES.join(', ')})` });
  }
  for (const severity of SEVERITIES) {
    const minutes = value[severity];
    if (minutes === undefined) continue;
    if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > MAX_TARGET_MINUTES) {
      errors.push({ field: `${field}.${severity}`, reason: `must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES}` });
    }
  }
}

function checkStrings(value: unknown, field: string, errors: FieldError[], maxItems: number, maxLength: number): void {
  if (!Array.isArray(value)) {
    errors.push({ field, reason: 'must be an array of strings' });
    return;
  }
  if (value.length > maxItems) errors.push({ field, reason: `must have at most ${maxItems} items` });
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim().length === 0 || item.length > maxLength)
      errors.push({ field: `${field}.${index}`, reason: `must be a non-empty string of at most ${maxLength} characters` });
  });
}

function checkPolicy(value: unknown, errors: FieldError[]): void {
  if (!isPlainObject(value)) {
    errors.push({ field: 'replyPolicy', reason: 'must be an object' });
    return;
  }
  for (const key of Object.keys(value))
    if (!(POLICY_KEYS as readonly string[]).includes(key)) errors.push({ field: `replyPolicy.${key}`, reason: 'is not a known setting' });
  if (value.enabledWarnRules !== undefined) {
    if (!Array.isArray(value.enabledWarnRules))
      errors.push({ field: 'replyPolicy.enabledWarnRules', reason: 'must be an array of warn rule ids' });
    else
      value.enabledWarnRules.forEach((rule, index) => {
        if (!(WARN_RULE_IDS as readonly unknown[]).includes(rule))
          errors.push({
            field: `replyPolicy.enabledWarnRules.${index}`,
            reason: `must be one of ${WARN_RULE_IDS.join(', ')} (block rules cannot be switched off)`,
          });
      });
  }
  if (value.brandVoice !== undefined) {
    const voice = value.brandVoice;
    if (!isPlainObject(voice) || (voice.kind !== 'we' && voice.kind !== 'agent'))
      errors.push({ field: 'replyPolicy.brandVoice.kind', reason: 'must be "we" or "agent"' });
    else if (voice.kind === 'agent') {
      if (typeof voice.name !== 'string' || voice.name.trim() === '' || voice.name.length > 100)
        errors.push({ field: 'replyPolicy.brandVoice.name', reason: 'must be a name of 1 to 100 characters' });
      if (typeof voice.role !== 'string' || voice.role.trim() === '' || voice.role.length > 100)
        errors.push({ field: 'replyPolicy.brandVoice.role', reason: 'must be a role of 1 to 100 characters' });
    }
  }
  if (value.bannedPhrases !== undefined) checkStrings(value.bannedPhrases, 'replyPolicy.bannedPhrases', errors, 500, 300);
  if (value.stockPhrases !== undefined) checkStrings(value.stockPhrases, 'replyPolicy.stockPhrases', errors, 500, 2000);
  if (
    value.privateContact !== undefined &&
    value.privateContact !== null &&
    (typeof value.privateContact !== 'string' || value.privateContact.length > 200 || value.privateContact.trim() === '')
  ) {
    errors.push({ field: 'replyPolicy.privateContact', reason: 'must be null or a contact of 1 to 200 characters' });
  }
  if (
    value.repeatedParagraphThreshold !== undefined &&
    (!Number.isInteger(value.repeatedParagraphThreshold) ||
      (value.repeatedParagraphThreshold as number) < 1 ||
      (value.repeatedParagraphThreshold as number) > 100)
  ) {
    errors.push({ field: 'replyPolicy.repeatedParagraphThreshold', reason: 'must be a whole number from 1 to 100' });
  }
}

/** Field-by-field check of a settings update (any subset of the keys); [] when valid. */
export function validateSettingsUpdate(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(body)) return [{ field: 'body', reason: 'must be a JSON object' }];
  for (const key of Object.keys(body))
    if (!(SETTINGS_KEYS as readonly string[]).includes(key)) errors.push({ field: key, reason: 'is not a known setting' });
  if (body.slaFirstResponseMinutes !== undefined) checkTargets(body.slaFirstResponseMinutes, 'slaFirstResponseMinutes', errors);
  if (body.slaResolutionMinutes !== undefined) checkTargets(body.slaResolutionMinutes, 'slaResolutionMinutes', errors);
  if (body.timeZone !== undefined && (typeof body.timeZone !== 'string' || !isTimeZone(body.timeZone)))
    errors.push({ field: 'timeZone', reason: 'must be an IANA time zone such as Europe/Moscow' });
  if (body.businessHours !== undefined && body.businessHours !== null) {
    if (!isPlainObject(body.businessHours))
      errors.push({ field: 'businessHours', reason: 'must be null (24/7) or an object of ISO weekday (1-7) to [startHour, endHour]' });
    else {
      for (const [day, hours] of Object.entries(body.businessHours)) {
        if (!/^[1-7]$/.test(day))
          errors.push({ field: `businessHours.${day}`, reason: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' });
        else if (
          !Array.isArray(hours) ||
          hours.length !== 2 ||
          !hours.every((hour) => Number.isInteger(hour) && hour >= 0 && hour <= 24) ||
          hours[0] >= hours[1]
        ) {
          errors.push({ field: `businessHours.${day}`, reason: 'must be [startHour, endHour] with whole hours 0-24 and start before end' });
        }
      }
    }
  }
  if (
    body.slaDueSoonMinutes !== undefined &&
    (!Number.isInteger(body.slaDueSoonMinutes) || (body.slaDueSoonMinutes as number) < 1 || (body.slaDueSoonMinutes as number) > 1440)
  ) {
    errors.push({ field: 'slaDueSoonMinutes', reason: 'must be a whole number of minutes from 1 to 1440' });
  }
  if (body.replyPolicy !== undefined) checkPolicy(body.replyPolicy, errors);
  return errors;
}

/** The stored JSON after an update: target maps and the reply policy merge key by key; other keys replace. */
export function mergeSettings(stored: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(update)) {
    if ((key === 'slaFirstResponseMinutes' || key === 'slaResolutionMinutes' || key === 'replyPolicy') && isPlainObject(value)) {
      next[key] = { ...(isPlainObject(stored[key]) ? stored[key] : {}), ...value };
    } else {
      next[key] = value;
    }
  }
  return next;
}

export function targetMinutes(settings: TriageSettings, severity: string | null, kind: 'firstResponse' | 'resolution'): number {
  const sev: Severity = (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as Severity) : 'medium';
  return kind === 'firstResponse' ? settings.slaFirstResponseMinutes[sev] : settings.slaResolutionMinutes[sev];
}
