import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

describe('pii_echo', () => {
  it('catches a public reply repeating the phone the customer posted, with the span of the digits', () => {
    const mention = 'Третий день не могу дозвониться! Перезвоните мне: +7 912 345-67-89, Анна';
    const draft = 'Анна, здравствуйте! Уже звоним вам на 8 912 345-67-89, извините за ожидание.';
    const result = check(draft, mention);
    expect(result.verdict).toBe('block');
    expect(spanTexts(draft, result, 'pii_echo')).toEqual(['8 912 345-67-89']);
  });

  it('catches the last four digits of a posted card', () => {
    const mention = 'Someone used my card 5555 4444 3333 1111 at a shop in Riga, block it now!';
    const draft = "We've frozen the card ending 1111 for now. Please DM us so we can issue a new one.";
    const result = check(draft, mention);
    expect(rulesOf(result)).toContain('pii_echo');
    expect(spanTexts(draft, result, 'pii_echo')).toEqual(['1111']);
  });

  it('catches an order id, an e-mail and an inflected street address', () => {
    expect(rulesOf(check('Order AB-778812 is on its way again.', 'Order #AB-778812 never came.'))).toContain('pii_echo');
    expect(rulesOf(check('We wrote to olga.v@example.org already.', 'Reply to olga.v@example.org please'))).toContain('pii_echo');
    const address = 'Курьер опять не нашёл дом: Самара, ул. Садовая 12, кв. 40!';
    const draft = 'Курьер уже едет на Садовую 12, извините.';
    expect(spanTexts(draft, check(draft, address), 'pii_echo')).toEqual(['Садовую 12']);
  });

  it('allows a private reply to quote the order number and phone', () => {
    const mention = 'Пишу в личку: заказ №QW-552010, телефон 89161234567. Пришла не та модель.';
    const draft = 'Спасибо! По заказу №QW-552010 оформили обмен, курьер позвонит на 89161234567 в четверг.';
    expect(rulesOf(check(draft, mention, { visibility: 'private' }))).not.toContain('pii_echo');
  });

  it("does not flag the brand's own support address or unrelated numbers", () => {
    const mention = 'Charged twice for order 99812345, my email is tim@example.net';
    const draft = 'Sorry about the double charge, Tim. Please email support@brand.example with the details and we will refund it.';
    expect(rulesOf(check(draft, mention))).not.toContain('pii_echo');
  });

  it('uses the classifier spans when given, and an injected detector otherwise', () => {
    const mention = { text: 'my member code is ZED-0042-77', piiSpans: [{ kind: 'account_id' as const, start: 18, end: 29 }] };
    expect(rulesOf(check('Member ZED-0042-77 is fixed.', mention))).toContain('pii_echo');
    const detector = (text: string) => [{ kind: 'account_id' as const, start: text.indexOf('lucky'), end: text.indexOf('lucky') + 11 }];
    expect(rulesOf(check('Account lucky-fox-9 restored.', 'I am lucky-fox-9 here', { piiDetector: detector }))).toContain('pii_echo');
  });

  it('takes personal data from the earlier posts of the thread too', () => {
    const thread = [{ text: 'my number is +44 7700 900123' }];
    expect(rulesOf(check('We will call +44 7700 900123 today.', 'still waiting', { thread }))).toContain('pii_echo');
  });

  it('catches a phone posted with an area code in brackets and echoed in another shape', () => {
    const mention = 'Still no callback. Reach me at (212) 555-0199 please';
    const draft = 'Sorry for the wait! We will ring 212.555.0199 shortly.';
    expect(rulesOf(check(draft, mention))).toContain('pii_echo');
  });

  it('catches a login-like e-mail local part on its own, not a bare first name', () => {
    const mention = 'Locked out of my account, the login is k_orlova.91@example.org';
    expect(rulesOf(check('Профиль k_orlova.91 разблокировали, извините за неудобство.', mention))).toContain('pii_echo');
    expect(rulesOf(check('Hi Anna, sorry! DM us and we will unlock it.', 'My email is anna@example.org, locked out'))).not.toContain('pii_echo');
  });
});
