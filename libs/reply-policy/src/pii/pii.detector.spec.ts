import { detectPii } from './pii.detector';

function found(text: string): string[] {
  return detectPii(text).map((span) => `${span.kind}:${text.slice(span.start, span.end)}`);
}

describe('detectPii', () => {
  it('finds phones, e-mails and cards', () => {
    expect(found('звоните 8 (915) 123-45-67 или пишите ivan.p@example.ru')).toEqual(['phone:8 (915) 123-45-67', 'email:ivan.p@example.ru']);
    expect(found('card 4242 4242 4242 4242 was charged')).toEqual(['card:4242 4242 4242 4242']);
    expect(found('my card ending in 9921 got blocked')).toEqual(['card:9921']);
  });

  it('finds passports, ids and addresses', () => {
    expect(found('Паспорт 4510 123456, договор 1234-5678-90')).toEqual(['passport:4510 123456', 'account_id:1234-5678-90']);
    expect(found('order #AB-1234567 never came')).toEqual(['account_id:AB-1234567']);
    expect(found('Москва, ул. Ленина 5, кв. 12')).toEqual(['address:Москва, ул. Ленина 5, кв. 12']);
    expect(found('deliver to 221 Baker Street, Apt 2B')).toEqual(['address:221 Baker Street, Apt 2B']);
  });

  it('leaves plain numbers, times and prices alone', () => {
    expect(found('ждал 2 часа, с 10:00 до 12:00, заказ на 1 850 ₽')).toEqual([]);
  });
});
