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
});
