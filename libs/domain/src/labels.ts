/**
 * The label vocabulary of Otklik (definitions: ../shared/corpus/SCHEMA.md, ../shared/domain/GUIDE.md §2).
 * One place knows these values: the classifier, the reply policy, persistence and the API import them here.
 */
export const INTENTS = ['problem', 'question', 'suggestion', 'praise', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export const CAUSES = ['product_defect', 'staff_inattention', 'piling_on', 'black_pr'] as const;
export type Cause = (typeof CAUSES)[number];

/** Ordered from least to most urgent: the index is the rank. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const PII_KINDS = ['phone', 'email', 'card', 'passport', 'address', 'account_id'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/**
 * Each kind of personal data as the team calls it, in both interface languages: the classifier's explanations
 * ("phone number: +7 ••• •••-12-34") and the reply policy's messages ("repeats the customer's personal data
 * (phone number)") use these same words.
 */
export const PII_KIND_NAMES: Readonly<Record<PiiKind, { readonly ru: string; readonly en: string }>> = {
  phone: { ru: 'телефон', en: 'phone number' },
  email: { ru: 'электронная почта', en: 'e-mail' },
  card: { ru: 'номер карты', en: 'card number' },
  passport: { ru: 'паспортные данные', en: 'passport number' },
  address: { ru: 'адрес', en: 'address' },
  account_id: { ru: 'номер счёта, заказа или договора', en: 'account or order number' },
};

export const CHANNELS = [
  'vk',
  'telegram',
  'x',
  'mastodon',
  'reddit',
  'youtube',
  'appstore',
  'googleplay',
  'review_site',
  'news',
  'rss',
  'webhook',
  'demo',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const AUTHOR_KINDS = ['person', 'media', 'influencer', 'brand'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
