import { compileBrandQuery, skeleton, words } from './brand-match';

describe('brand matcher', () => {
  const bank = compileBrandQuery({ brand: 'Тинькофф', keywords: ['Tinkoff', 'Т-Банк'], exclusions: ['Тинькофф Олег'] });

  it('matches case-insensitively, on word boundaries and across scripts', () => {
    expect(bank.match('ТИНЬКОФФ опять лежит').matched).toBe(true);
    expect(bank.match('tinkoff app is down').keyword).toBe('Тинькофф');
    expect(bank.match('перевёл через tinkof вчера').matched).toBe(true);
    expect(bank.match('#tinkoff не работает').matched).toBe(true);
    expect(bank.match('зашёл на tinkoff.ru').matched).toBe(true);
    expect(bank.match('в Т-Банке очередь').matched).toBe(true);
  });

  it('does not match inside another word', () => {
    expect(bank.match('атинькоффский стиль').matched).toBe(false);
    expect(bank.match('Tinkoffology is a word').matched).toBe(false);
  });

  it('accepts Russian case endings on Cyrillic words and the English plural, nothing else', () => {
    const shop = compileBrandQuery({ brand: 'Озон', keywords: ['Ozon'], exclusions: [] });
    expect(shop.match('заказал на Озоне').matched).toBe(true);
    expect(shop.match('поддержка Озона молчит').matched).toBe(true);
    expect(shop.match('с озоном проблемы').matched).toBe(true);
    expect(shop.match('the ozone layer is thin').matched).toBe(false);
    expect(shop.match('озонатор сломался').matched).toBe(false);
    expect(shop.match('two Ozons in town').matched).toBe(true);
  });

  it('folds ё to е', () => {
    const m = compileBrandQuery({ brand: 'Ёлка', keywords: [], exclusions: [] });
    expect(m.match('купил в елке').matched).toBe(true);
    expect(m.match('ЁЛКА').matched).toBe(true);
  });

  it('vetoes a hit containing an exclusion (a name collision)', () => {
    const result = bank.match('Тинькофф Олег дал интервью');
    expect(result).toEqual({ matched: false, keyword: 'Тинькофф', excludedBy: 'Тинькофф Олег' });
  });

  it('matches multi-word keywords as consecutive words, inflecting only the last', () => {
    const m = compileBrandQuery({ brand: 'Альфа Банк', keywords: [], exclusions: [] });
    expect(m.match('снова Альфа-Банка приложение').matched).toBe(true);
    expect(m.match('альфа и банк').matched).toBe(false);
  });

  it('reduces transliterations to one skeleton', () => {
    expect(skeleton('яндекс')).toBe(skeleton('yandex'));
    expect(skeleton('сбер')).toBe(skeleton('sber'));
    expect(skeleton('джира')).toBe(skeleton('jira'));
    expect(skeleton('кока')).toBe(skeleton('coca'));
    expect(skeleton('хабр')).toBe(skeleton('khabr'));
    expect(words('Ёж, «ёлка»-2 и @brand_ru')).toEqual(['еж', 'елка', '2', 'и', 'brand', 'ru']);
  });

  it('matches short keywords exactly only', () => {
    const m = compileBrandQuery({ brand: 'МТС', keywords: ['MTS'], exclusions: [] });
    expect(m.match('связь МТС пропала').matched).toBe(true);
    expect(m.match('mts support').matched).toBe(true);
    expect(m.match('мтса').matched).toBe(false);
  });
});
