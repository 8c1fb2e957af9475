import { useId, useState, type SubmitEvent } from 'react';
import { formatNumber, searchDigits } from '../domain/phone';
import { useActions, usePanel, useT } from './context';
import { Keypad } from './Keypad';

/** Placing a call: number, caller ID (発信者番号通知), Call, and a dial pad. */
export function DialPad() {
  const t = useT();
  const actions = useActions();
  const session = usePanel((s) => s.session);
  const pending = usePanel((s) => s.pending.dial === true);
  const draft = usePanel((s) => s.dialDraft);
  const directory = usePanel((s) => s.directory);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const numberField = useId();
  const callerIdField = useId();
  if (!session) return null;
  const { agent, callerIds } = session;
  const setDraft = (value: string) => actions.setDialDraft(value);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await actions.dial(draft, actions.dialContext())) setDraft('');
  };

  return (
    <form className="dial" onSubmit={(e) => void submit(e)} aria-label={t('dial.heading')}>
      <label htmlFor={numberField}>{t('dial.number')}</label>
      <input id={numberField} type="tel" inputMode="tel" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} />
      {callerIds.length > 0 && (
        <>
          <label htmlFor={callerIdField}>{t('dial.callerId')}</label>
          <select
            id={callerIdField}
            value={searchDigits(agent.callerId)}
            onChange={(e) => {
              const chosen = callerIds.find((c) => searchDigits(c.number) === e.target.value);
              if (chosen) void actions.setCallerId(chosen.number);
            }}
          >
            {callerIds.map((c) => (
              <option key={c.number} value={searchDigits(c.number)}>
                {formatNumber(searchDigits(c.number))}
                {c.label ? ` ${c.label}` : ''}
                {directory[searchDigits(c.number)] ? ` ${directory[searchDigits(c.number)]}` : ''}
              </option>
            ))}
          </select>
        </>
      )}
      <div className="dial__actions">
        <button type="submit" className="button button--success" disabled={!agent.phoneRegistered || pending}>
          {t('dial.call')}
        </button>
        <button type="button" className="button" aria-expanded={keypadOpen} onClick={() => setKeypadOpen(!keypadOpen)}>
          {t('dial.keypad')}
        </button>
      </div>
      {keypadOpen && <Keypad label={t('dial.keypad')} onKey={(key) => setDraft(draft + key)} />}
    </form>
  );
}
