import { classifyMention } from '../mention.classifier';
import { mentionOf } from '../testing/mention.fixture';
import { EXPLANATION_MESSAGES } from './explanation.catalogue';
import { explanationLocale, renderExplanation, renderExplanations } from './render-explanations';

describe('renderExplanations', () => {
  const stored = {
    intent: [{ key: 'intent.reports_failure', phrases: ['обещаете перезвонить', 'звонила пять раз'] }],
    cause: [
      { key: 'cause.staff_treatment', phrases: ['обещаете перезвонить'] },
      { key: 'cause.repeated_contact', count: 5 },
      { key: 'cause.no_answer_before', count: 2 },
    ],
    severity: [
      { key: 'severity.repeated_contact_ignored', count: 5 },
      { key: 'severity.contacts_over_days', count: 5, days: 21 },
    ],
    sentiment: [{ key: 'sentiment.emotion_word', phrases: ['ужас'] }, { key: 'sentiment.capitals' }],
    pii: [{ key: 'pii.found', kind: 'phone', evidence: '+7 ••• •••-12-34' }],
    criticalData: [],
    campaign: [{ key: 'campaign.cluster', count: 4 }],
  };

  it('renders English, quoting the mention in its own language', () => {
    expect(renderExplanations(stored, 'en')).toEqual({
      intent: ['reports a failure: "обещаете перезвонить", "звонила пять раз"'],
      cause: [
        'about how the author was treated: "обещаете перезвонить"',
        'repeated contact (5×)',
        'the author wrote before and got no answer (2)',
      ],
      severity: ['repeated contact ignored (5×)', '5 contacts over 21 days'],
      sentiment: ['"ужас"', 'capitals'],
      pii: ['phone number: +7 ••• •••-12-34'],
      criticalData: [],
      campaign: ['near-identical posts from 4 fresh or low-follower accounts in a burst'],
    });
  });

  it('gives the reason alone when no phrase was quoted', () => {
    const bare = { cause: [{ key: 'cause.staff_treatment', phrases: [] }] };
    expect(renderExplanations(bare, 'en')).toEqual({ cause: ['about how the author was treated'] });
    expect(renderExplanations(bare, 'ru').cause![0]).not.toMatch(/:\s*$/);
  });

  it('renders Russian, with «» quotes and the numbers in agreement', () => {
    expect(renderExplanations(stored, 'ru')).toEqual({
      intent: ['сообщает о сбое: «обещаете перезвонить», «звонила пять раз»'],
      cause: [
        'о том, как обошлись с автором: «обещаете перезвонить»',
        'обращается повторно (5 раз)',
        'у автора уже есть обращения без ответа (2)',
      ],
      severity: ['повторные обращения без ответа (5 раз)', '5 обращений за 21 день'],
      sentiment: ['«ужас»', 'капслок'],
      pii: ['телефон: +7 ••• •••-12-34'],
      criticalData: [],
      campaign: ['всплеск почти одинаковых постов с новых аккаунтов или аккаунтов без аудитории: 4'],
    });
    expect(renderExplanation({ key: 'severity.contacts_over_days', count: 3, days: 2 }, 'ru')).toBe('3 обращения за 2 дня');
    expect(renderExplanation({ key: 'severity.waiting_days', days: 11 }, 'ru')).toBe('ждёт ответа 11 дней');
    expect(renderExplanation({ key: 'cause.repeated_contact', count: 3 }, 'ru')).toBe('обращается повторно (3 раза)');
    expect(renderExplanation({ key: 'cause.campaign', campaign: 'camp-m-0101' }, 'ru')).toBe(
      'почти одинаковые посты с новых аккаунтов или аккаунтов без аудитории (camp-m-0101)',
    );
  });

  it('passes the old stored form (English sentences) through unchanged, in either language', () => {
    const old = {
      intent: ['opens with a question'],
      cause: [],
      severity: ['a neutral question'],
      critical_data: [],
    };
    expect(renderExplanations(old, 'ru')).toEqual(old);
    expect(renderExplanations(old, 'en')).toEqual(old);
    // A label that mixes both forms renders each entry as it is stored.
    expect(renderExplanations({ sentiment: ['sarcasm', { key: 'sentiment.sarcasm' }] }, 'ru')).toEqual({
      sentiment: ['sarcasm', 'сарказм'],
    });
  });

  it('shows an unknown key, or a known one missing its facts, as the key with its quoted phrases', () => {
    expect(renderExplanations({ cause: [{ key: 'cause.from_a_newer_classifier', phrases: ['никто не ответил'] }] }, 'ru')).toEqual({
      cause: ['cause.from_a_newer_classifier: «никто не ответил»'],
    });
    expect(renderExplanation({ key: 'severity.repeated_contact_ignored' }, 'en')).toBe('severity.repeated_contact_ignored');
    expect(renderExplanation({ key: 'intent.spam', phrases: [1, 2] as unknown as string[] }, 'en')).toBe('intent.spam');
    expect(renderExplanation({ key: 'toString' }, 'en')).toBe('toString');
  });

  it('gives nothing for what is not stored explanations', () => {
    for (const value of [null, undefined, 'opens with a question', 42, ['opens with a question']])
      expect(renderExplanations(value, 'en')).toEqual({});
    expect(
      renderExplanations(
        { intent: 'opens with a question', cause: null, severity: [null, 7, { phrases: ['x'] }, 'a single problem'] },
        'en',
      ),
    ).toEqual({
      severity: ['a single problem'],
    });
  });

  it('reads any locale but Russian as English', () => {
    expect(explanationLocale('ru')).toBe('ru');
    for (const locale of ['en', 'de', '', null, undefined]) expect(explanationLocale(locale)).toBe('en');
    expect(renderExplanations({ intent: [{ key: 'intent.asks_question' }] }, 'uk')).toEqual({ intent: ['asks a question'] });
  });

  it('renders everything the classifier stores from the catalogue, in Russian as in English', () => {
    const texts = [
      'Маяк Банк, списали деньги дважды, звонила пять раз, обещали перезвонить и тишина!!! Мой телефон +7 912 345-67-89',
      'Mayak Bank charged me twice for the same coffee. Support replied with a template. Call me at +44 7700 900123',
      'Спасибо Маяк Банку за бесплатный урок терпения: перевод висит третий день. Вот это сервис 👏👏',
      'Mayak Bank, can I open a deposit online?',
    ];
    for (const text of texts) {
      const labels = classifyMention(mentionOf(text), {
        author: { earlierMentions: 2, unanswered: 1 },
        cluster: { incident: 'inc-x', incidentSize: 3 },
      });
      const entries = Object.values(labels.explain).flat();
      expect(entries.length).toBeGreaterThan(3);
      for (const entry of entries) expect(Object.keys(EXPLANATION_MESSAGES)).toContain(entry.key);
      const russian = Object.values(renderExplanations(labels.explain, 'ru')).flat();
      expect(russian).toHaveLength(entries.length);
      for (const sentence of russian) expect(sentence).not.toMatch(/^[a-z_]+\.[a-z_]+/);
    }
  });
});
