import { useId, useState, type SubmitEvent } from 'react';
import { searchDigits } from '../domain/phone';
import { formatNumber } from '../domain/phone-format';
import { useFieldAlert } from './Alerts';
import { useCallActions, usePanel, useT } from './context';
import { Keypad } from './Keypad';
import { Button, Field } from './parts';

/** Placing a call: number, caller ID (発信者番号通知), Call, and a dial pad. */
export function DialPad() {
  const t = useT();
  const actions = useCallActions();
  const session = usePanel((s) => s.shared.session);
  const pending = usePanel((s) => s.local.pending.dial === true);
  const draft = usePanel((s) => s.local.dialDraft);
  const directory = usePanel((s) => s.local.directory);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const numberField = useId();
  const callerIdField = useId();
  const numberAlert = useFieldAlert('dialNumber');
  if (!session) return null;
  const { agent, callerIds } = session;
  const setDraft = (value: string) => actions.setDialDraft(value);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await actions.dial(draft, actions.dialContext())) setDraft('');
  };

  return (
    <form className="dial" onSubmit={(e) => void submit(e)} aria-label={t('dial.heading')}>
      <Field id={numberField} label={t('dial.number')}>
        <input className="slds-input" id={numberField} type="tel" inputMode="tel" autoComplete="off" value={draft} {...numberAlert} onChange={(e) => setDraft(e.target.value)} />
      </Field>
      {callerIds.length > 0 && (
        <Field id={callerIdField} label={t('dial.callerId')}>
          <div className="slds-select_container">
            <select
              className="slds-select"
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
          </div>
        </Field>
      )}
      <div className="call__actions">
        <Button type="submit" tone="success" icon="call" wide disabled={!agent.phoneRegistered || pending}>
          {t('dial.call')}
        </Button>
        <Button icon="keypad" wide aria-expanded={keypadOpen} onClick={() => setKeypadOpen(!keypadOpen)}>
          {t('dial.keypad')}
        </Button>
      </div>
      {keypadOpen && <Keypad label={t('dial.keypad')} onKey={(key) => setDraft(draft + key)} />}
    </form>
  );
}
