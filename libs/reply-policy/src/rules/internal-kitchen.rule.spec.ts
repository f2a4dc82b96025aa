import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

describe('internal_kitchen', () => {
  it('blocks naming who inside decided or failed', () => {
    const draft = 'К сожалению, наш директор отказал в возврате.';
    const result = check(draft, 'Верните деньги за сломанный пылесос');
    expect(result.verdict).toBe('block');
    expect(spanTexts(draft, result, 'internal_kitchen')).toEqual(['директор отказал']);
    expect(rulesOf(check('Sorry, the developer forgot to renew the certificate.', 'Your site shows a security warning'))).toContain(
      'internal_kitchen',
    );
  });

  it('blocks staffing, budget and discipline', () => {
    expect(rulesOf(check('На складе сейчас не хватает людей, поэтому задержка.', 'Где мой заказ?'))).toContain('internal_kitchen');
    expect(rulesOf(check('The agent who closed your ticket has been written up.', 'Ticket closed without reply'))).toContain('internal_kitchen');
  });

  it('applies to private replies too', () => {
    const result = check('Your account manager left and nobody picked up his tickets.', 'No one answers us', { visibility: 'private' });
    expect(result.verdict).toBe('block');
  });

  it('allows escalating to a role and speaking as "we"', () => {
    const draft = 'Мы передали обращение руководителю сервисного центра, он лично проследит за ремонтом.';
    expect(rulesOf(check(draft, 'Машина на ремонте третью неделю'))).not.toContain('internal_kitchen');
    expect(rulesOf(check('Our engineers are working on the fix right now.', 'App is down'))).not.toContain('internal_kitchen');
  });

  it('treats units, shifts and contractors as colleagues', () => {
    expect(rulesOf(check('Простите! Наш подрядчик по доставке снова перепутал этажи, напишите нам в личку.', 'Пиццу отдали соседям'))).toContain(
      'internal_kitchen',
    );
    expect(rulesOf(check('Отдел биллинга не успел обработать ваш платёж вовремя.', 'Пришло уведомление о долге'))).toContain('internal_kitchen');
    expect(rulesOf(check('Apologies, the weekend shift forgot to log your return.', 'My return never showed up'))).toContain('internal_kitchen');
    expect(rulesOf(check('Sorry! Our logistics department got the labels mixed up this week.', 'Wrong parcel again'))).toContain('internal_kitchen');
    expect(rulesOf(check("Our support team doesn't have access to refunds, so they couldn't help.", 'Nobody can refund me'))).toContain(
      'internal_kitchen',
    );
  });

  it('blocks shifting the fault between the system and the people', () => {
    expect(rulesOf(check('Штраф начислила система, менеджеры здесь ни при чём.', 'Откуда штраф за просрочку?'))).toContain('internal_kitchen');
    expect(rulesOf(check("Our agents had nothing to do with it, the fraud filter did this.", 'Why was my card frozen?'))).toContain(
      'internal_kitchen',
    );
    expect(rulesOf(check("It's the system's fault, not ours. DM us.", 'Charged for a cancelled plan'))).toContain('internal_kitchen');
  });

  it('does not take the customer\'s act for a colleague\'s, nor a shipped fix for a failure', () => {
    const declined = 'Мастер предлагал замену детали, но вы от неё отказались.';
    expect(rulesOf(check(declined, 'Ремонт затянулся'))).not.toContain('internal_kitchen');
    expect(rulesOf(check('Разработчики уже выкатили исправление, обновите приложение.', 'Приложение вылетает'))).not.toContain('internal_kitchen');
    expect(rulesOf(check('У нас был технический сбой в платёжной системе, сейчас всё работает.', 'Не проходит оплата'))).not.toContain(
      'internal_kitchen',
    );
    expect(rulesOf(check('Our billing team will email you the corrected invoice.', 'Invoice is wrong'))).not.toContain('internal_kitchen');
  });
});
