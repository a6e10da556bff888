import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { completeOidcSignIn, devSignIn, loadSignInOptions, oidcSignIn, type SignInOptions } from '../auth';
import { useI18n, type MessageKey } from '../i18n';

/** Where a sign-in goes back to: only a path of this origin, never another site. */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignIn() {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturn(params.get('returnTo'));
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSignInOptions().then(setOptions, (e: Error) => setError(e.message));
  }, []);
  return (
    <main className="sign-in">
      <h1>{t('signInTitle')}</h1>
      <label className="language">
        {t('language')}{' '}
        <select value={language} onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'id')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </label>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {options?.oidc && (
        <button type="button" className="primary" onClick={() => void oidcSignIn(options.oidc!, returnTo)}>
          {t('signInOidc')}
        </button>
      )}
      {options?.devSignIn && (
        <section aria-labelledby="dev-sign-in">
          <h2 id="dev-sign-in">{t('signInDev')}</h2>
          <div className="role-buttons">
            {options.devSignIn.roles.map((role) => (
              <button
                key={role}
                type="button"
                onClick={() =>
                  devSignIn(role).then(
                    () => navigate(returnTo, { replace: true }),
                    (e: Error) => setError(e.message),
                  )
                }
              >
                {t(`role_${role}` as MessageKey)}
                {role === 'tpps' ? ` ${options.devSignIn!.regencyCode}` : ''}
              </button>
            ))}
          </div>
          <p className="note">{t('signInDevNote')}</p>
        </section>
      )}
    </main>
  );
}

export function AuthCallback() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSignInOptions()
      .then((options) => {
        if (!options.oidc) throw new Error('no identity provider is configured');
        return completeOidcSignIn(options.oidc);
      })
      .then(({ returnTo }) => navigate(safeReturn(returnTo), { replace: true }))
      .catch((e: Error) => setError(e.message));
  }, [navigate]);
  return (
    <main className="sign-in">
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}
    </main>
  );
}
