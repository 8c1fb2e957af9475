import { useId, useState, type SubmitEvent } from 'react';
import { useActions, usePanel, useT } from './context';

export function SignInForm() {
  const t = useT();
  const actions = useActions();
  const pending = usePanel((s) => s.pending.signIn === true);
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const idField = useId();
  const passwordField = useId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const ok = await actions.signIn(loginId, password);
    setPassword(''); // never kept, whatever the outcome
    if (!ok) document.getElementById(passwordField)?.focus();
  };

  return (
    <form className="signin" onSubmit={(e) => void submit(e)} aria-labelledby={`${idField}-title`}>
      <h1 id={`${idField}-title`}>{t('signIn.title')}</h1>
      <label htmlFor={idField}>{t('signIn.loginId')}</label>
      <input id={idField} type="text" autoComplete="username" value={loginId} onChange={(e) => setLoginId(e.target.value)} required />
      <label htmlFor={passwordField}>{t('signIn.password')}</label>
      <input
        id={passwordField}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <button type="submit" className="button button--brand" disabled={pending}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
