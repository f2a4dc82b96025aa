import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from './i18n';

/** ru / en as a pair of pressed buttons (two choices: one click, and the state is visible). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          className={`segment${i18n.language === language ? ' is-active' : ''}`}
          aria-pressed={i18n.language === language}
          lang={language}
          onClick={() => {
            rememberLanguage(language);
            void i18n.changeLanguage(language);
          }}
        >
          {language === 'ru' ? 'Рус' : 'Eng'}
        </button>
      ))}
    </div>
  );
}
