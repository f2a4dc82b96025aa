import { detectPii, loosePii } from './pii.detector';

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

describe('loosePii', () => {
  it('adds long numbers and mixed ids, and addresses when the kinds say so, but not dates', () => {
    const text = 'order 7781234, IBAN GB29NWBK60161331926819, on 2026-01-12 14:02, send to 14 Elm Grove';
    const spans = loosePii(text, ['address'], detectPii(text)).map((span) => `${span.kind}:${text.slice(span.start, span.end)}`);
    expect(spans).toEqual(['account_id:7781234', 'account_id:GB29NWBK60161331926819', 'address:14 Elm Grove']);
  });
});
