import { useId, useState, type SubmitEvent } from 'react';
import { useFieldAlert } from './Alerts';
import { useActions, usePanel, useT } from './context';
import { Button, Field } from './parts';

export function SignInForm() {
  const t = useT();
  const actions = useActions();
  const pending = usePanel((s) => s.local.pending.signIn === true);
  const keepsSession = usePanel((s) => s.frame.keepsSession);
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const idField = useId();
  const passwordField = useId();
  const fieldAlert = useFieldAlert('signIn');
  const edited = () => actions.fieldEdited('signIn');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // A sign-in that throws (not one the server refused) counts as failed: the password goes all the same.
    const ok = await actions.signIn(loginId, password).catch((error: unknown) => {
      console.error('BIZTEL Open CTI: signing in failed', error);
      return false;
    });
    setPassword(''); // never kept, whatever the outcome
    if (!ok) document.getElementById(passwordField)?.focus();
  };

  return (
    <form className="signin" onSubmit={(e) => void submit(e)} aria-labelledby={`${idField}-title`}>
      <h1 id={`${idField}-title`} className="slds-text-heading_small">
        {t('signIn.title')}
      </h1>
      <Field id={idField} label={t('signIn.loginId')}>
        <input className="slds-input" id={idField} type="text" autoComplete="username" value={loginId}
          {...fieldAlert}
          onChange={(e) => {
            setLoginId(e.target.value);
            edited();
          }}
          required
        />
      </Field>
      <Field id={passwordField} label={t('signIn.password')}>
        <input
          className="slds-input"
          id={passwordField}
          type="password"
          autoComplete="current-password"
          value={password}
          {...fieldAlert}
          onChange={(e) => {
            setPassword(e.target.value);
            edited();
          }}
          required
        />
      </Field>
      {!keepsSession && (
        <p className="signin__note" role="note">
          {t('signIn.sessionNotKept')}
        </p>
      )}
      <Button type="submit" tone="brand" wide disabled={pending}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
