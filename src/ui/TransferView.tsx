import { useId, useState } from 'react';
import type { Call, EndReason } from '../protocol';
import { displayNumber } from '../domain/phone-format';
import { useFieldAlert } from './Alerts';
import { useCallActions, usePanel, useT } from './context';
import { Button, Field } from './parts';

/** Blind or consultative transfer to an agent, an extension or an outside number. */
export function TransferView({ call, onDone }: { call: Call; onDone: () => void }) {
  const t = useT();
  const actions = useCallActions();
  const pending = usePanel((s) => s.local.pending);
  const phoneRegistered = usePanel((s) => s.shared.session?.agent.phoneRegistered ?? false);
  const [target, setTarget] = useState('');
  const field = useId();
  const consult = call.consult;
  const busy = (name: string) => pending[name] === true || !phoneRegistered;
  const targetAlert = useFieldAlert('transferTarget');

  if (consult) {
    // An outside number is shown formatted, as everywhere in the panel; an agent by name.
    const target = /^[\d+\-() ]+$/.test(consult.target) ? displayNumber(consult.target) : consult.target;
    const who = consult.targetName ? `${consult.targetName} (${target})` : target;
    const reason = consult.failure ? t(`end.${consult.failure satisfies EndReason}`) : '';
    // A blind transfer to an outside number rings there until it answers: a transfer, not a consult.
    const ringing = consult.kind === 'blind' ? 'transfer.transferring' : 'transfer.consulting';
    const text =
      consult.state === 'failed'
        ? t('transfer.consultFailed', { target: who, reason })
        : t(consult.state === 'connected' ? 'transfer.consultConnected' : ringing, { target: who });
    return (
      <div className="transfer" role="group" aria-label={t('call.transfer')}>
        <p className="transfer__status" aria-live="polite">
          {text}
        </p>
        <div className="call__actions">
          {consult.state === 'connected' && (
            <Button tone="brand" wide disabled={busy('completeTransfer')} onClick={() => void actions.completeTransfer(call.callId)}>
              {t('transfer.complete')}
            </Button>
          )}
          <Button wide disabled={busy('cancelTransfer')} onClick={() => void actions.cancelTransfer(call.callId)}>
            {t('transfer.cancel')}
          </Button>
        </div>
      </div>
    );
  }

  const start = async (mode: 'blind' | 'consult') => {
    if (await actions.transfer(call.callId, target, mode)) {
      setTarget('');
      if (mode === 'blind') onDone();
    }
  };
  return (
    <div className="transfer" role="group" aria-label={t('call.transfer')}>
      <Field id={field} label={t('transfer.target')}>
        {/* Opened by the agent (button or shortcut): typing the target is the next step. */}
        <input
          className="slds-input"
          id={field}
          type="text"
          autoComplete="off"
          autoFocus
          value={target}
          placeholder={t('transfer.targetHint')}
          {...targetAlert}
          onChange={(e) => {
            setTarget(e.target.value);
            actions.fieldEdited('transferTarget');
          }}
        />
      </Field>
      <div className="call__actions">
        <Button wide disabled={busy('transfer')} onClick={() => void start('blind')}>
          {t('transfer.blind')}
        </Button>
        <Button tone="brand" wide disabled={busy('transfer')} onClick={() => void start('consult')}>
          {t('transfer.consult')}
        </Button>
      </div>
    </div>
  );
}
