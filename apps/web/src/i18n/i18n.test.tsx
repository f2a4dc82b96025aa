import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { useFormat } from './format';
import { createHarness } from '../test/test-harness';
import { en } from './en.messages';
import { LanguageSwitch } from './language-switch.component';
import { ru } from './ru.messages';

afterEach(cleanup);

/** Keys of a dictionary, with plural suffixes folded (ru has _few and _many where en has none). */
function keys(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (child && typeof child === 'object') for (const nested of keys(child, `${name}.`)) out.add(nested);
    else out.add(name);
  }
  return out;
}

function Probe() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <LanguageSwitch />
      <p data-testid="text">{t('nav.inbox')}</p>
      <p data-testid="plural">{t('composer.why.warnings', { count: 5 })}</p>
      <p data-testid="number">{format.number(1234567.5)}</p>
    </div>
  );
}

describe('i18n', () => {
  it('switches the language of the interface, plurals and numbers', () => {
    const harness = createHarness(() => undefined, { language: 'en' });
    harness.render(<Probe />);
    expect(screen.getByTestId('text').textContent).toBe('Inbox');
    expect(screen.getByTestId('plural').textContent).toBe('Tick each of the 5 warnings to send.');
    expect(screen.getByTestId('number').textContent).toBe('1,234,567.5');
    fireEvent.click(screen.getByRole('button', { name: 'Рус' }));
    expect(screen.getByTestId('text').textContent).toBe('Входящие');
    expect(screen.getByTestId('plural').textContent).toBe('Отметьте каждое из 5 предупреждений, чтобы отправить.');
    // Russian groups thousands with a (narrow) no-break space and uses a decimal comma.
    expect(screen.getByTestId('number').textContent?.replace(/\s/g, ' ')).toBe('1 234 567,5');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem('otklik.lang')).toBe('ru');
    expect(screen.getByRole('button', { name: 'Рус' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Eng' }));
    expect(screen.getByTestId('text').textContent).toBe('Inbox');
  });

  it('has every literal key the code asks for', () => {
    const sources = import.meta.glob(['../**/*.tsx', '../**/*.ts', '!../**/*.test.*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const known = keys(en);
    const missing = new Set<string>();
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\('([a-zA-Z_.]+)'/g)) if (!known.has(match[1])) missing.add(`${file}: ${match[1]}`);
    }
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect([...missing]).toEqual([]);
  });

  it('has the same keys in Russian and English', () => {
    const missingInRu = [...keys(en)].filter((key) => !keys(ru).has(key));
    const missingInEn = [...keys(ru)].filter((key) => !keys(en).has(key));
    expect({ missingInRu, missingInEn }).toEqual({ missingInRu: [], missingInEn: [] });
  });
});
