import { useState } from 'react';
import type { Call } from '../protocol';
import { availableActions } from '../domain/call';
import type { PanelActions } from '../app/actions';
import { useActions, usePanel, useT } from './context';
import { Keypad } from './Keypad';
import { TransferView } from './TransferView';

interface ButtonSpec {
  key: string;
  label: string;
  run: (actions: PanelActions, callId: string) => Promise<void>;
  tone?: 'success' | 'destructive';
}

/** The buttons a call offers in its state; all need the agent's phone (★ in the manual). */
export function CallControls({ call }: { call: Call }) {
  const t = useT();
  const actions = useActions();
  const phoneRegistered = usePanel((s) => s.session?.agent.phoneRegistered ?? false);
  const pending = usePanel((s) => s.pending);
  const [panel, setPanel] = useState<'none' | 'transfer' | 'keypad'>('none');
  const can = new Set(availableActions(call));
  const consulting = call.consult !== null;

  const buttons: ButtonSpec[] = [];
  if (can.has('answer')) buttons.push({ key: 'answer', label: t('call.answer'), run: (a, id) => a.answer(id), tone: 'success' });
  if (can.has('decline')) buttons.push({ key: 'decline', label: t('call.decline'), run: (a, id) => a.decline(id), tone: 'destructive' });
  if (can.has('hold')) buttons.push({ key: 'hold', label: t('call.hold'), run: (a, id) => a.hold(id) });
  if (can.has('unhold')) buttons.push({ key: 'unhold', label: t('call.resume'), run: (a, id) => a.unhold(id) });
  if (can.has('park')) buttons.push({ key: 'park', label: t('call.park'), run: (a, id) => a.park(id) });
  if (can.has('unpark')) buttons.push({ key: 'unpark', label: t('call.unpark'), run: (a, id) => a.unpark(id) });
  if (can.has('hangup')) buttons.push({ key: 'hangup', label: t('call.hangup'), run: (a, id) => a.hangup(id), tone: 'destructive' });
  const disabledFor = (key: string) => !phoneRegistered || pending[key] === true;
  const describedBy = phoneRegistered ? undefined : 'phone-not-registered';

  return (
    <>
      <div className="call__actions">
        {buttons.map((b) => (
          <button
            key={b.key}
            type="button"
            className={`button${b.tone ? ` button--${b.tone}` : ''}`}
            disabled={disabledFor(b.key)}
            aria-describedby={describedBy}
            onClick={() => void b.run(actions, call.callId)}
          >
            {b.label}
          </button>
        ))}
        {(can.has('transfer') || consulting) && (
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'transfer' || consulting}
            disabled={!phoneRegistered || consulting}
            aria-describedby={describedBy}
            onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}
          >
            {t('call.transfer')}
          </button>
        )}
        {can.has('keypad') && (
          <button type="button" className="button" aria-expanded={panel === 'keypad'} disabled={!phoneRegistered} onClick={() => setPanel(panel === 'keypad' ? 'none' : 'keypad')}>
            {t('dial.keypad')}
          </button>
        )}
      </div>
      {(panel === 'transfer' || consulting) && <TransferView call={call} onDone={() => setPanel('none')} />}
      {panel === 'keypad' && can.has('keypad') && (
        <Keypad label={t('dial.keypad')} disabled={!phoneRegistered} onKey={(key) => void actions.sendTones(call.callId, key)} />
      )}
    </>
  );
}
