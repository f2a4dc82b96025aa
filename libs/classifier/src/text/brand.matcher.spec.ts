import { createBrandMatcher } from './brand.matcher';
import { cyrillicToLatin, latinToCyrillic, phoneticKey } from './transliteration';

describe('brand matching across scripts', () => {
  it('reduces spellings of one name to one key', () => {
    expect(phoneticKey('CloudDesk')).toBe(phoneticKey('КлаудДеск'));
    expect(phoneticKey('AutoMir')).toBe(phoneticKey('Автомир'));
    expect(cyrillicToLatin('Связь')).toBe('svyaz');
    expect(latinToCyrillic('ne rabotaet')).toBe('не работает');
  });

  it('finds the brand in declensions, handles and split camel case, not in ordinary words', () => {
    const bank = createBrandMatcher('Mayak Bank');
    expect(bank.matchesWord('маяк')).toBe(1);
    expect(bank.matchesWord('маяка')).toBe(1);
    expect(bank.matchesWord('@mayakbank_help')).toBe(1);
    expect(bank.matchesWord('банк')).toBe(0);
    const telecom = createBrandMatcher('PolyanaTelecom');
    expect(telecom.matchesWord('polyana', 'telecom')).toBeGreaterThan(0);
    expect(createBrandMatcher('Polyana Telecom').matchesWord('поляны')).toBe(1);
    // A camel-case part alone is not the brand: "BystroEda" must not match the word "быстро".
    expect(createBrandMatcher('BystroEda').matchesWord('быстро')).toBe(0);
    expect(createBrandMatcher('SvyazOn').matchesWord('связи')).toBe(0);
  });
});
