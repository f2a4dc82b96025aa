import { check, rulesOf } from '../testing/reply-check.fixture';

describe('no_empathy', () => {
  it('warns when a reply to an angry complaint ignores the emotion', () => {
    expect(rulesOf(check('Проверьте настройки уведомлений в приложении.', 'Третий раз пропускаю доставку, потому что пуши не приходят!!!'))).toContain(
      'no_empathy',
    );
    expect(rulesOf(check('Please DM us your booking reference.', 'Flight cancelled, no email, no refund. Unbelievable 😡'))).toContain(
      'no_empathy',
    );
  });

  it('accepts an apology or words that acknowledge the feeling', () => {
    const draft = 'Понимаем, как это неприятно. Напишите нам в личные сообщения — разберёмся с уведомлениями.';
    expect(rulesOf(check(draft, 'Третий раз пропускаю доставку, потому что пуши не приходят!!!'))).not.toContain('no_empathy');
    expect(rulesOf(check("That's not okay, sorry. Please DM us.", 'Flight cancelled, no refund 😡'))).not.toContain('no_empathy');
  });

  it('does not ask for empathy on a calm report', () => {
    const mention = 'FYI: the CSV export drops the last column when a field contains a comma. Reproduced twice, ticket filed.';
    expect(rulesOf(check('Thanks for the clear report, we have reproduced it and a fix is in progress.', mention))).not.toContain('no_empathy');
  });

  it('wants more than a formula when health is at stake', () => {
    const mention = 'My son got sick after your salad, we are at the doctor now!';
    expect(rulesOf(check("We're sorry to hear this. Please DM us your order.", mention))).toContain('no_empathy');
    expect(rulesOf(check("That's worrying, and we're sorry your son is unwell. Please DM us your order.", mention))).not.toContain('no_empathy');
  });
});
