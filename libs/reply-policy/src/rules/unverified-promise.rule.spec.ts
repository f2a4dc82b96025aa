import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

describe('unverified_promise', () => {
  it('warns on a fix time nobody confirmed', () => {
    const draft = 'Извините за сбой! Исправим до 18:00.';
    const result = check(draft, 'Приложение не открывается');
    expect(spanTexts(draft, result, 'unverified_promise')).toEqual(['Исправим до 18:00']);
    expect(rulesOf(check("Sorry! It'll be back up within an hour.", 'Site down'))).toContain('unverified_promise');
    expect(rulesOf(check('Your parcel will definitely arrive tomorrow.', 'Parcel late'))).toContain('unverified_promise');
    expect(rulesOf(check("We'll refund you in full.", 'Charged twice'))).toContain('unverified_promise');
  });

  it('accepts hedged, booked, conditional and self-paced statements', () => {
    expect(rulesOf(check('Обычно возврат занимает до 10 дней.', 'Где возврат?'))).not.toContain('unverified_promise');
    expect(rulesOf(check('Записали мастера на пятницу, с 10 до 14.', 'Нет интернета'))).not.toContain('unverified_promise');
    expect(rulesOf(check("If it hasn't arrived by Friday, reply here.", 'Parcel late'))).not.toContain('unverified_promise');
    expect(rulesOf(check('Ответим вам в личных сообщениях в течение часа.', 'Нет интернета'))).not.toContain('unverified_promise');
  });

  it('accepts a time the brand already confirmed', () => {
    const thread = [{ text: 'Ведутся ремонтные работы, ориентировочное время восстановления — 13:00.', fromBrand: true }];
    expect(rulesOf(check('Связь восстановится к 13:00, извините.', 'Нет интернета', { thread }))).not.toContain('unverified_promise');
    expect(rulesOf(check('Связь восстановится к 13:00, извините.', 'Нет интернета', { confirmedFacts: ['ETA 13:00'] }))).not.toContain(
      'unverified_promise',
    );
  });
});
