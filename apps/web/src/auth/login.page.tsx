/** Sign-in. The language can be chosen before signing in; errors say what to do (wait, check the password). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { useApi } from '../app/services';
import { LanguageSwitch } from '../i18n/language-switch.component';

export function LoginPage({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      onSignedIn();
    } catch (caught) {
      if (caught instanceof ApiError) {
        if (caught.status === 401) setError(t('login.wrong'));
        else if (caught.status === 423) setError(t('login.locked'));
        else if (caught.status === 429) setError(t('login.tooMany'));
        else if (caught.status === 400) setError(t('login.invalid'));
        else setError(caught.message);
      } else setError(t('login.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <div className="login-head">
          <h1 id="login-title">
            <span className="brand-mark" aria-hidden="true">
              ◐
            </span>{' '}
            Otklik
          </h1>
          <LanguageSwitch />
        </div>
        <p className="hint">{t('login.tagline')}</p>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.signIn')}
        </button>
      </form>
    </main>
  );
}
