import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

describe('vague_apology', () => {
  it('warns on an apology for "inconvenience"', () => {
    const draft = 'Приносим извинения за неудобства. Напишите нам в личку.';
    const result = check(draft, 'Оплата не прошла, деньги списались');
    expect(spanTexts(draft, result, 'vague_apology')).toEqual(['Приносим извинения за неудобства']);
    expect(rulesOf(check('We apologise for any inconvenience caused. Please DM us.', 'Payment failed twice'))).toContain('vague_apology');
    expect(rulesOf(check('Sorry to hear that! DM us.', 'Payment failed twice'))).toContain('vague_apology');
  });

  it('accepts an apology that says what for', () => {
    expect(rulesOf(check('Извините за сбой оплаты в понедельник. Напишите нам в личку.', 'Оплата не прошла'))).not.toContain('vague_apology');
    expect(rulesOf(check('Sorry the payment failed twice on Monday. Please DM us.', 'Payment failed twice'))).not.toContain('vague_apology');
    expect(rulesOf(check('Приносим извинения за неудобства, связанные со сбоем оплаты.', 'Оплата не прошла'))).not.toContain('vague_apology');
  });
});
