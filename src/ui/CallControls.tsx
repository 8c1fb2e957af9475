import { useEffect, useRef, useState } from 'react';
import type { Call } from '../protocol';
import { availableActions } from '../domain/call';
import type { CallActions } from '../app';
import { useCallActions, usePanel, useT } from './context';
import type { IconName } from './icon-names';
import { Keypad } from './Keypad';
import { Button, type Tone } from './parts';
import { shortcutFor } from './shortcuts';
import { TransferView } from './TransferView';

interface ButtonSpec {
  key: string;
  label: string;
  /** A shorter word for a narrow panel (the label stays the name). */
  short?: string;
  icon: IconName;
  run: (actions: CallActions, callId: string) => Promise<void>;
  tone?: Tone;
}

/**
 * The buttons a call offers in its state; all need the agent's phone (★ in the manual). The transfer
 * view is open while the agent fills in a target or a transfer is under way; it closes once the
 * transfer is over (completed, cancelled, left with Hang up) or the call ended, and `onTransferClosed`
 * then puts the focus back on the call.
 */
export function CallControls({ call, onTransferClosed }: { call: Call; onTransferClosed?: () => void }) {
  const t = useT();
  const actions = useCallActions();
  const phoneRegistered = usePanel((s) => s.shared.session?.agent.phoneRegistered ?? false);
  const pending = usePanel((s) => s.local.pending);
  const [panel, setPanel] = useState<'none' | 'transfer' | 'keypad'>('none');
  const can = new Set(availableActions(call));
  const consulting = call.consult !== null;
  // A transfer under way holds the view open by itself; once it is over the target form does not come back.
  const [sawConsult, setSawConsult] = useState(consulting);
  if (consulting !== sawConsult) {
    setSawConsult(consulting);
    if (consulting && panel === 'transfer') setPanel('none');
  }
  const transferOpen = consulting || (panel === 'transfer' && can.has('transfer'));
  const wasOpen = useRef(transferOpen);
  useEffect(() => {
    if (wasOpen.current && !transferOpen) onTransferClosed?.();
    wasOpen.current = transferOpen;
  }, [transferOpen, onTransferClosed]);

  const buttons: ButtonSpec[] = [];
  if (can.has('answer')) buttons.push({ key: 'answer', label: t('call.answer'), icon: 'call', run: (a, id) => a.answer(id), tone: 'success' });
  if (can.has('decline')) buttons.push({ key: 'decline', label: t('call.decline'), icon: 'end_call', run: (a, id) => a.decline(id), tone: 'destructive' });
  if (can.has('hold')) buttons.push({ key: 'hold', label: t('call.hold'), icon: 'pause', run: (a, id) => a.hold(id) });
  if (can.has('unhold')) buttons.push({ key: 'unhold', label: t('call.resume'), icon: 'play', run: (a, id) => a.unhold(id) });
  if (can.has('park')) buttons.push({ key: 'park', label: t('call.park'), short: t('call.parkShort'), icon: 'pause', run: (a, id) => a.park(id) });
  if (can.has('unpark')) buttons.push({ key: 'unpark', label: t('call.unpark'), icon: 'play', run: (a, id) => a.unpark(id) });
  if (can.has('hangup')) buttons.push({ key: 'hangup', label: t('call.hangup'), icon: 'end_call', run: (a, id) => a.hangup(id), tone: 'destructive' });
  const disabledFor = (key: string) => !phoneRegistered || pending[key] === true;
  const describedBy = phoneRegistered ? undefined : 'phone-not-registered';

  return (
    <>
      <div className="call__actions">
        {buttons.map((b) => (
          <Button
            key={b.key}
            tone={b.tone}
            icon={b.icon}
            wide
            short={b.short}
            data-shortcut={b.key}
            aria-keyshortcuts={shortcutFor(b.key)}
            disabled={disabledFor(b.key)}
            aria-describedby={describedBy}
            onClick={() => void b.run(actions, call.callId)}
          >
            {b.label}
          </Button>
        ))}
        {(can.has('transfer') || consulting) && (
          <Button
            icon="forward"
            wide
            data-shortcut="transfer"
            aria-keyshortcuts={shortcutFor('transfer')}
            aria-expanded={transferOpen}
            disabled={!phoneRegistered || consulting}
            aria-describedby={describedBy}
            onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}
          >
            {t('call.transfer')}
          </Button>
        )}
        {can.has('keypad') && (
          <Button icon="keypad" wide aria-expanded={panel === 'keypad'} disabled={!phoneRegistered} onClick={() => setPanel(panel === 'keypad' ? 'none' : 'keypad')}>
            {t('dial.keypad')}
          </Button>
        )}
      </div>
      {transferOpen && <TransferView call={call} onDone={() => setPanel('none')} />}
      {panel === 'keypad' && can.has('keypad') && (
        <Keypad label={t('dial.keypad')} disabled={!phoneRegistered} onKey={(key) => void actions.sendTones(call.callId, key)} />
      )}
    </>
  );
}
