import { check, rulesOf } from '../testing/reply-check.fixture';

describe('no_call_to_action', () => {
  const complaint = 'Пятый день жду возврат за отменённый заказ, деньги так и не пришли!';

  it('warns when the reply acknowledges the issue and leaves nothing to do or wait for', () => {
    expect(rulesOf(check('Извините, пожалуйста. Обязательно разберёмся.', complaint))).toContain('no_call_to_action');
    expect(rulesOf(check("So sorry for this! Our team will look into it.", 'Refund missing for a week now!'))).toContain('no_call_to_action');
  });

  it('is satisfied by a request to the customer, a next step or a substantive statement', () => {
    expect(rulesOf(check('Извините! Напишите нам в личные сообщения номер заказа.', complaint))).not.toContain('no_call_to_action');
    expect(rulesOf(check('Sorry! Try logging out and back in.', 'Refund missing for a week now!'))).not.toContain('no_call_to_action');
    expect(rulesOf(check('Извините за ожидание: возврат по отменённым заказам сейчас идёт через банк-партнёр до пяти дней.', complaint))).not.toContain(
      'no_call_to_action',
    );
  });

  it('does not apply to thanks for praise or to a reply that never engages with an issue', () => {
    expect(rulesOf(check('Спасибо, очень приятно!', 'Курьер сегодня просто супер, спасибо!'))).not.toContain('no_call_to_action');
  });
});
