import { checkReply } from './check-reply';
import { BLOCK_RULE_IDS, REPLY_RULE_IDS, RULE_LEVELS, WARN_RULE_IDS } from './index';
import { check, rulesOf } from './testing/reply-check.fixture';

describe('checkReply', () => {
  const mention = 'Оплатил заказ, деньги списали дважды, а заказ отменён. Верните деньги!';

  it('exports the twelve schema rules with their levels', () => {
    expect(REPLY_RULE_IDS).toHaveLength(12);
    for (const id of BLOCK_RULE_IDS) expect(RULE_LEVELS[id]).toBe('block');
    for (const id of WARN_RULE_IDS) expect(RULE_LEVELS[id]).toBe('warn');
  });

  it('passes a good public answer', () => {
    const draft =
      'Сергей, здравствуйте! Спасибо, что написали. Двойное списание за отменённый заказ — неприятная ситуация, извините нас за неё. ' +
      'Мы уже проверяем платёж. Напишите нам, пожалуйста, в личные сообщения номер заказа — найдём операцию и ответим там же.';
    expect(check(draft, mention)).toEqual({ verdict: 'ok', violations: [] });
  });

  it('gives warn when only warn rules fire, and block when any block rule fires', () => {
    expect(check('Извините за неудобства, разберёмся.', mention).verdict).toBe('warn');
    expect(check('Извините, наш бухгалтер забыл провести возврат.', mention).verdict).toBe('block');
  });

  it('keeps internal_kitchen and the warn rules for private replies, and drops the public-only ones', () => {
    const kettle = 'Заказ №QW-552010, пришёл разбитый чайник, телефон 89161234567.';
    const template = check('Ваше обращение зарегистрировано. Ожидайте ответа специалиста.', kettle, { visibility: 'private' });
    expect(template.verdict).toBe('warn');
    expect(rulesOf(template)).toEqual(expect.arrayContaining(['scripted', 'no_empathy']));
    const quoting = check('По заказу №QW-552010 курьер позвонит на 89161234567. Напишите здесь номер карты для возврата.', kettle, {
      visibility: 'private',
    });
    expect(rulesOf(quoting)).not.toEqual(expect.arrayContaining(['pii_echo']));
    expect(rulesOf(quoting)).not.toContain('pii_request_public');
    expect(check('Извините, наш кладовщик забыл упаковать чайник.', kettle, { visibility: 'private' }).verdict).toBe('block');
  });

  it('skips warn rules the workspace switched off, never block rules', () => {
    const policy = { enabledWarnRules: [] as const };
    expect(check('Извините за неудобства, разберёмся.', mention, { policy }).verdict).toBe('ok');
    expect(check('Наш директор отказал.', mention, { policy }).verdict).toBe('block');
  });

  it("blocks the workspace's banned phrases", () => {
    const result = check('Извините! Загляните пока в Конкурент-Маркет.', mention, { policy: { bannedPhrases: ['конкурент-маркет'] } });
    expect(rulesOf(result)).toContain('banned_phrase');
    expect(result.verdict).toBe('block');
  });

  it('explains in the locale asked for, defaulting to the mention language', () => {
    const draft = 'Наш директор отказал.';
    expect(checkReply({ mention: { text: mention, lang: 'ru' }, draft, visibility: 'public' }).violations[0].message).toMatch(/внутреннюю кухню/);
    expect(checkReply({ mention: { text: mention, lang: 'ru' }, draft, visibility: 'public', locale: 'en' }).violations[0].message).toMatch(
      /internal kitchen/,
    );
  });

  it('gives every violation spans inside the draft', () => {
    const draft = 'Вы сами виноваты. Приносим извинения за неудобства. Напишите телефон здесь.';
    for (const violation of check(draft, mention).violations) {
      expect(violation.spans.length).toBeGreaterThan(0);
      for (const span of violation.spans) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(draft.length);
        expect(span.end).toBeGreaterThan(span.start);
      }
    }
  });

  it('treats an empty draft as nothing to check', () => {
    expect(check('   ', mention)).toEqual({ verdict: 'ok', violations: [] });
  });
});
