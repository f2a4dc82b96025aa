/**
 * The alerting and crisis-communication part of a workspace's settings (workspace.settings JSON):
 *   escalation          overrides of the escalation thresholds (libs/escalation, validated there)
 *   alerts              { incidentMinMentions, campaignMinPosts, slaLeadGraceMinutes }
 *   language            'ru' | 'en': alert messages and default statement language
 *   keyAccounts         [{ name, contact, lang? }]: corporate customers told privately first (GUIDE §5)
 *   handlesCriticalData whether the product handles payment or personal data (statements mention it only then)
 *   statusPageUrl       where incident updates are posted
 *   timeZone            IANA zone for ETAs in statements (shared with the SLA calendar)
 * A bad value never stops the pipeline: it falls back to the default and the problem is reported.
 */
import { DEFAULT_ESCALATION_SETTINGS, resolveEscalationSettings, type EscalationSettings } from '@otklik/escalation';
import { DEFAULT_WORKSPACE_SETTINGS } from '@otklik/persistence';

export interface KeyAccount {
  name: string;
  contact: string;
  lang: 'ru' | 'en' | null;
}

export interface AlertingSettings {
  escalation: EscalationSettings;
  language: 'ru' | 'en';
  /** An incident from a classifier cluster alerts once it has this many mentions. */
  incidentMinMentions: number;
  /** A black-PR campaign alerts once it has this many posts. */
  campaignMinPosts: number;
  /** An overdue mention goes to the leads this long after it went to its assignee. */
  slaLeadGraceMinutes: number;
  keyAccounts: KeyAccount[];
  handlesCriticalData: boolean | null;
  statusPageUrl: string | null;
  timeZone: string;
  /** Settings that were ignored, with why (shown to admins, logged by the worker). */
  problems: string[];
}

export const DEFAULT_ALERT_THRESHOLDS = { incidentMinMentions: 3, campaignMinPosts: 3, slaLeadGraceMinutes: 30 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown, fallback: number, field: string, min: number, problems: string[]): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  problems.push(`${field}: must be a whole number ≥ ${min}; using ${fallback}`);
  return fallback;
}

export function alertingSettings(stored: unknown): AlertingSettings {
  const settings = isRecord(stored) ? stored : {};
  const problems: string[] = [];
  let escalation = DEFAULT_ESCALATION_SETTINGS;
  try {
    escalation = resolveEscalationSettings(settings.escalation ?? {});
  } catch (error) {
    problems.push(`escalation.${(error as Error).message}; using the default thresholds`);
  }
  const alerts = isRecord(settings.alerts) ? settings.alerts : {};
  const keyAccounts: KeyAccount[] = [];
  if (Array.isArray(settings.keyAccounts)) {
    settings.keyAccounts.forEach((item, index) => {
      if (isRecord(item) && typeof item.name === 'string' && item.name.trim() && typeof item.contact === 'string' && item.contact.trim()) {
        keyAccounts.push({ name: item.name.trim(), contact: item.contact.trim(), lang: item.lang === 'ru' || item.lang === 'en' ? item.lang : null });
      } else {
        problems.push(`keyAccounts[${index}]: needs a name and a contact; skipped`);
      }
    });
  }
  let timeZone = DEFAULT_WORKSPACE_SETTINGS.timeZone;
  if (typeof settings.timeZone === 'string') {
    try {
      new Intl.DateTimeFormat('en', { timeZone: settings.timeZone });
      timeZone = settings.timeZone;
    } catch {
      problems.push(`timeZone: "${settings.timeZone}" is not an IANA time zone; using ${timeZone}`);
    }
  }
  return {
    escalation,
    language: settings.language === 'en' ? 'en' : 'ru',
    incidentMinMentions: wholeNumber(alerts.incidentMinMentions, DEFAULT_ALERT_THRESHOLDS.incidentMinMentions, 'alerts.incidentMinMentions', 1, problems),
    campaignMinPosts: wholeNumber(alerts.campaignMinPosts, DEFAULT_ALERT_THRESHOLDS.campaignMinPosts, 'alerts.campaignMinPosts', 1, problems),
    slaLeadGraceMinutes: wholeNumber(alerts.slaLeadGraceMinutes, DEFAULT_ALERT_THRESHOLDS.slaLeadGraceMinutes, 'alerts.slaLeadGraceMinutes', 0, problems),
    keyAccounts,
    handlesCriticalData: typeof settings.handlesCriticalData === 'boolean' ? settings.handlesCriticalData : null,
    statusPageUrl: typeof settings.statusPageUrl === 'string' && /^https?:\/\//.test(settings.statusPageUrl) ? settings.statusPageUrl : null,
    timeZone,
    problems,
  };
}
