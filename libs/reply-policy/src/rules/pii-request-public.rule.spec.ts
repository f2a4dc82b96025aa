import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

const complaint = 'Деньги списали, а заказ не оформился. Что за ерунда?';

describe('pii_request_public', () => {
  it('blocks asking for a phone number in the comments', () => {
    const draft = 'Извините за сбой! Напишите номер телефона в комментариях, мы проверим.';
    const result = check(draft, complaint);
    expect(result.verdict).toBe('block');
    expect(spanTexts(draft, result, 'pii_request_public')).toEqual(['Напишите номер телефона']);
  });

  it('allows asking for a contract number by private message', () => {
    const draft = 'Извините за сбой с оплатой. Напишите нам в личные сообщения номер договора — проверим и вернёмся с ответом.';
    expect(rulesOf(check(draft, complaint))).not.toContain('pii_request_public');
  });

  it('blocks English requests to reply here with an order number or a code', () => {
    expect(rulesOf(check('Sorry! Just reply here with your order number and address.', 'Where is my parcel?'))).toContain('pii_request_public');
    expect(rulesOf(check('To verify, please confirm your date of birth.', 'Locked out of my account'))).toContain('pii_request_public');
    expect(rulesOf(check('Leave your phone number and we will call back.', 'I called ten times!'))).toContain('pii_request_public');
  });

  it('allows a DM request, and a warning not to post data here', () => {
    expect(rulesOf(check('Sorry about that. Could you DM us your order number?', 'Where is my parcel?'))).not.toContain('pii_request_public');
    const draft = 'Пожалуйста, не публикуйте здесь номер карты: напишите нам в личные сообщения.';
    expect(rulesOf(check(draft, complaint))).not.toContain('pii_request_public');
  });

  it('does not apply to private replies', () => {
    expect(rulesOf(check('Пришлите, пожалуйста, номер телефона и адрес.', complaint, { visibility: 'private' }))).not.toContain('pii_request_public');
  });

  it('catches a direct question for personal data and ID photos or booking references', () => {
    expect(rulesOf(check("Sorry about that! What's the email address on the account?", 'Charged after cancelling'))).toContain('pii_request_public');
    expect(rulesOf(check('Какой у вас номер договора? Проверим.', 'Отключили интернет'))).toContain('pii_request_public');
    expect(rulesOf(check('Please share a photo of your ID and the booking reference.', 'Hotel says no reservation'))).toContain(
      'pii_request_public',
    );
    expect(rulesOf(check('Пришлите фото паспорта, пожалуйста.', 'Не пускают на рейс'))).toContain('pii_request_public');
    expect(rulesOf(check('Could you DM us your booking reference? We will look into it.', 'Hotel says no reservation'))).not.toContain(
      'pii_request_public',
    );
  });
});
