import { preferredLocale } from './request-locale';

describe('preferredLocale', () => {
  it.each([
    ['en', 'en'],
    ['ru', 'ru'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['en-GB,en;q=0.9,ru;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5,ru;q=0.4', 'en'],
    ['ru;q=0.3, EN;q=0.8', 'en'],
    ['en;q=0.5, ru', 'ru'],
    ['en, ru', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(preferredLocale(header)).toBe(expected);
  });

  it.each([[undefined], [''], ['*'], ['de, fr;q=0.5'], ['en;q=0'], ['ru;q=abc'], ['ru;q=2']])('%s → the account language', (header) => {
    expect(preferredLocale(header)).toBeNull();
  });

  it('reads a header sent twice', () => {
    expect(preferredLocale(['de', 'ru;q=0.7'])).toBe('ru');
  });
});
