import { detectPii, luhnValid } from './pii.rule';

const found = (text: string) => detectPii(text).map((finding) => `${finding.kind}:${text.slice(finding.start, finding.end)}`);

describe('detectPii', () => {
  describe('cards', () => {
    it('checks long digit runs with Luhn', () => {
      expect(luhnValid('5500000000000004')).toBe(true);
      expect(luhnValid('5500000000000005')).toBe(false);
      expect(found('my card 5500 0000 0000 0004 was charged twice')).toEqual(['card:5500 0000 0000 0004']);
      expect(found('code 5500 0000 0000 0005 printed on the box')).toEqual([]);
    });

    it('counts "card ending 1234" and masked numbers as a card', () => {
      expect(found('the card ending in 7731 was declined')).toEqual(['card:7731']);
      expect(found('с карты, которая заканчивается на 0457, списали 900 ₽')).toEqual(['card:0457']);
      expect(found('списание с **** 8812 без моего ведома')).toEqual(['card:8812']);
    });
  });

  describe('phones', () => {
    it.each([
      ['+7 (912) 345-67-89', 'позвоните: +7 (912) 345-67-89, Ирина'],
      ['8-800-555-35-35', 'звонила на 8-800-555-35-35 три раза'],
      ['89161234567', 'мой номер 89161234567'],
      ['+44 20 7946 0958', 'call me back on +44 20 7946 0958 please'],
      ['+1 (415) 555-0132', 'reach me at +1 (415) 555-0132'],
    ])('finds %s', (phone, text) => {
      expect(found(text)).toEqual([`phone:${phone}`]);
    });

    it('does not take dates, times, amounts or order numbers for phones', () => {
      expect(found('12.03.2026 в 14:35 списали 1 250 ₽, это уже 3-й раз')).toEqual([]);
      expect(found('order 8800553535 never arrived').map((f) => f.split(':')[0])).toEqual(['account_id']);
    });
  });

  it('finds booking codes (PNR) and support ticket numbers as account ids, not plain words after "booking"', () => {
    expect(found('RiverAir booking ref 9KD4TZ, rebooked without asking')).toEqual(['account_id:9KD4TZ']);
    expect(found('Аэросевер, бронь ZT5Q8M, пересадили на другой рейс')).toEqual(['account_id:ZT5Q8M']);
    expect(found('still no answer on ticket #77310 after a week')).toEqual(['account_id:77310']);
    expect(found('booking online was easy, thanks')).toEqual([]);
  });

  it('finds Russian mobile numbers in the common groupings', () => {
    expect(found('перезвоните: 8 (903) 111-22-33')).toEqual(['phone:8 (903) 111-22-33']);
    expect(found('мой номер +7 903 1112233, жду звонка')).toEqual(['phone:+7 903 1112233']);
  });

  it('finds passports with their series and number, not a random ten digits', () => {
    expect(found('Паспорт 45 08 123456, выдан в 2015')).toEqual(['passport:45 08 123456']);
    expect(found('passport no. K1234567 expired')).toEqual(['passport:K1234567']);
    expect(found('тарифы 4508 123456 не поменялись')).toEqual([]);
  });

  it('finds emails but not social handles', () => {
    expect(found('write to me at anna.k+bank@mail.example, not @anna_k')).toEqual(['email:anna.k+bank@mail.example']);
    expect(found('@MayakBank please help')).toEqual([]);
  });

  describe('account ids (convention 7)', () => {
    it.each([
      ['order #PX-2026-00871', 'PX-2026-00871'],
      ['заказ № 77-1203', '77-1203'],
      ['договор 0041-2219-08', '0041-2219-08'],
      ['счёт 40817810500001234567', '40817810500001234567'],
      ['invoice INV-99812', 'INV-99812'],
      ['transfer reference TR-55120-19', 'TR-55120-19'],
      ['workspace id northwind-support', 'northwind-support'],
    ])('%s', (text, id) => {
      expect(found(text)).toEqual([`account_id:${id}`]);
    });

    it('leaves amounts, counts, dates and model names alone', () => {
      expect(found('order for 30 people at lunch')).toEqual([]);
      expect(found('заказ на 2 500 ₽ от 12.03')).toEqual([]);
      expect(found('my account is suspended, router SX-300 overheats')).toEqual([]);
    });
  });

  it('finds street addresses with a house number, not a bare street name', () => {
    expect(found('Адрес: Самара, ул. Гагарина 15, кв. 7, домофон 7')).toEqual(['address:Самара, ул. Гагарина 15, кв. 7, домофон 7']);
    expect(found('deliver to 14 Baker Street, Apt 3 please')).toEqual(['address:14 Baker Street, Apt 3']);
    expect(found('проводите интернет на улицу Садовую?')).toEqual([]);
  });

  it('reports spans in order, with masked evidence', () => {
    const text = 'card 4111 1111 1111 1111, phone +7 903 111-22-33';
    const findings = detectPii(text);
    expect(findings.map((f) => f.kind)).toEqual(['card', 'phone']);
    expect(findings[0].evidence).toBe('•••• •••• •••• 1111');
    for (const finding of findings) expect(finding.end).toBeGreaterThan(finding.start);
  });
});
