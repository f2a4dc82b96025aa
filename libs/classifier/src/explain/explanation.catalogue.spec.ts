import { PII_KIND_NAMES, PII_KINDS, type Explanation } from '@otklik/domain';
import {
  because,
  EXPLANATION_MESSAGES,
  russianPlural,
  type ExplanationLocale,
  type ExplanationMessage,
  type ExplanationParam,
} from './explanation.catalogue';

/** One value per parameter, each easy to find in a rendered sentence and to strip from it. */
const SAMPLE: Required<Omit<Explanation, 'key'>> = {
  phrases: ['qqphraseone', 'qqphrasetwo'],
  count: 5,
  days: 21,
  campaign: 'camp-qqcampaign',
  kind: 'phone',
  evidence: '+7 ••• •••-12-34',
};

const LATIN = /[a-z]/i;
const CYRILLIC = /[а-яё]/i;

/** What the message says in its own words: the sentence without the parameter values it quotes. */
function ownWording(sentence: string): string {
  let rest = sentence;
  for (const value of [...SAMPLE.phrases, SAMPLE.campaign, SAMPLE.evidence]) rest = rest.split(value).join('');
  return rest.replace(/\d+/g, '');
}

/** Every way a catalogue can fail agents: a language missing or empty, wording in the wrong language, a declared parameter unused. */
function catalogueProblems(catalogue: Record<string, ExplanationMessage>): string[] {
  const problems: string[] = [];
  for (const [key, message] of Object.entries(catalogue)) {
    const rendered = {} as Record<ExplanationLocale, string>;
    for (const locale of ['en', 'ru'] as const) {
      const wording = (message as Partial<ExplanationMessage>)[locale];
      if (typeof wording !== 'function') {
        problems.push(`${key}: no ${locale} message`);
        continue;
      }
      rendered[locale] = wording(SAMPLE);
      if (rendered[locale].trim().length === 0) problems.push(`${key}: empty ${locale} message`);
      for (const param of message.params) {
        const shown = param === 'phrases' ? SAMPLE.phrases : param === 'kind' ? [] : [String(SAMPLE[param])];
        for (const value of shown)
          if (!rendered[locale].includes(value)) problems.push(`${key}: the ${locale} message does not show ${param}`);
      }
    }
    if (rendered.en === undefined || rendered.ru === undefined) continue;
    const en = ownWording(rendered.en);
    const ru = ownWording(rendered.ru);
    if (CYRILLIC.test(en)) problems.push(`${key}: the en message has Russian words: ${rendered.en}`);
    if (LATIN.test(ru)) problems.push(`${key}: the ru message has Latin words: ${rendered.ru}`);
    if (LATIN.test(en) && !CYRILLIC.test(ru)) problems.push(`${key}: the ru message is not in Russian: ${rendered.ru}`);
  }
  return problems;
}

describe('explanation catalogue', () => {
  it('has an English and a Russian message for every key, each in its language and showing its parameters', () => {
    expect(catalogueProblems(EXPLANATION_MESSAGES)).toEqual([]);
  });

  it('the check above fails for a key without Russian, with English left in Russian, or with a parameter not shown', () => {
    const broken = {
      'intent.no_russian': { params: [], en: () => 'asks a question' },
      'intent.untranslated': { params: [], en: () => 'asks a question', ru: () => 'asks a question' },
      'intent.empty': { params: [], en: () => 'asks a question', ru: () => ' ' },
      'cause.count_missing': { params: ['count'] as ExplanationParam[], en: () => 'repeated contact', ru: () => 'повторные обращения' },
    } as unknown as Record<string, ExplanationMessage>;
    expect(catalogueProblems(broken)).toEqual([
      'intent.no_russian: no ru message',
      'intent.untranslated: the ru message has Latin words: asks a question',
      'intent.untranslated: the ru message is not in Russian: asks a question',
      'intent.empty: empty ru message',
      'intent.empty: the ru message is not in Russian:  ',
      'cause.count_missing: the en message does not show count',
      'cause.count_missing: the ru message does not show count',
    ]);
  });

  it('keys are <label>.<reason> of the labels the classifier explains', () => {
    for (const key of Object.keys(EXPLANATION_MESSAGES)) {
      expect(key).toMatch(/^(intent|cause|severity|sentiment|critical_data|pii|incident|campaign)\.[a-z_]+$/);
    }
  });

  it('names every kind of personal data in both languages', () => {
    for (const kind of PII_KINDS) {
      expect(PII_KIND_NAMES[kind].en).toMatch(/^[a-z -]+$/);
      expect(PII_KIND_NAMES[kind].ru).toMatch(CYRILLIC);
    }
  });

  it('because() stores the key and its facts, nothing else', () => {
    expect(because('sentiment.sarcasm')).toEqual({ key: 'sentiment.sarcasm' });
    expect(because('cause.staff_treatment', { phrases: ['никто не перезвонил'] })).toEqual({
      key: 'cause.staff_treatment',
      phrases: ['никто не перезвонил'],
    });
    expect(because('severity.contacts_over_days', { count: 5, days: 21 })).toEqual({
      key: 'severity.contacts_over_days',
      count: 5,
      days: 21,
    });
    expect(JSON.parse(JSON.stringify(because('pii.found', { kind: 'card', evidence: '•••• 1234' })))).toEqual({
      key: 'pii.found',
      kind: 'card',
      evidence: '•••• 1234',
    });
  });

  it.each([
    [0, 'дней'],
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [14, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [25, 'дней'],
    [101, 'день'],
    [111, 'дней'],
  ])('Russian plural: %i %s', (count, form) => {
    expect(russianPlural(count, 'день', 'дня', 'дней')).toBe(form);
  });
});
