import { useCallback, useId, useRef } from 'react';
import { callPhase } from '../domain/call';
import { searchDigits } from '../domain/phone';
import { formatNumber, otherPartyShown } from '../domain/phone-format';
import { TASK_LIMITS } from '../domain/task-field-limits';
import { selectActiveCallId, typedField, type CallEntry } from '../app';
import { useCallActions, usePanel, useT } from './context';
import { CallControls } from './CallControls';
import { CallTimer } from './CallTimer';
import { Icon } from './Icon';
import type { IconName } from './icon-names';
import { HandoverView } from './HandoverView';
import { Button, Field } from './parts';
import { RelatedRecords } from './RelatedRecords';

const DIRECTION_ICON: Record<string, IconName> = { inbound: 'incoming_call', outbound: 'outbound_call', internal: 'call' };

export function CallCard() {
  const entry = usePanel((s) => {
    const id = selectActiveCallId(s);
    return id === null ? undefined : s.shared.calls[id];
  });
  if (!entry) return null;
  return <ActiveCall entry={entry} />;
}

function ActiveCall({ entry }: { entry: CallEntry }) {
  const t = useT();
  const actions = useCallActions();
  const ids = useId();
  const { call } = entry;
  const phase = callPhase(call);
  const shown = otherPartyShown(call, t('call.anonymous'));
  const screen = call.screenTransfer;
  const directory = usePanel((s) => s.local.directory);
  const notes = usePanel((s) => typedField(s, call.callId, 'notes'));
  const destinationDigits = call.direction === 'inbound' ? searchDigits(call.to) : '';
  const destinationName = destinationDigits ? directory[destinationDigits] : undefined;
  const section = useRef<HTMLElement>(null);

  /**
   * The transfer view closed (the transfer completed, was cancelled or left with Hang up, or the call
   * ended): the focus, lost with the view's buttons, goes to the call's first control (Resume when the
   * caller waits on hold, Close once the call has ended), or to the call itself. Focus left on Hang up
   * moves too: pressed again it would now drop the caller. Focus elsewhere (the notes) stays.
   */
  const focusCall = useCallback(() => {
    const card = section.current;
    const active = document.activeElement;
    if (!card || !document.hasFocus()) return;
    const lost = active === null || active === document.body;
    const onHangup = active instanceof HTMLElement && card.contains(active) && active.dataset.shortcut === 'hangup';
    if (!lost && !onHangup) return;
    const next = card.querySelector<HTMLElement>('.call__actions button:not(:disabled)') ?? card.querySelector<HTMLElement>('.call__party');
    next?.focus();
  }, []);

  return (
    <section className={`call call_${phase}`} aria-labelledby={`${ids}-party`} ref={section}>
      <p className="call__state" role="status" aria-label={t('call.state')}>
        {t(`call.phase.${phase}`)}
      </p>
      <p className="call__party" id={`${ids}-party`} tabIndex={-1}>
        <span className="call__direction">
          <Icon name={DIRECTION_ICON[call.direction] ?? 'call'} className="slds-icon slds-icon_xx-small slds-icon-text-default" />
          {t(`call.direction.${call.direction}`)}
        </span>
        <span className="call__number">{shown}</span>
        {call.peerName && <span className="call__peer">{call.peerName}</span>}
        {call.queue && <span className="call__peer">{t('call.queue', { queue: call.queue })}</span>}
        {destinationDigits && (
          <span className="call__destination">
            {t('call.destination', { destination: destinationName ?? formatNumber(destinationDigits) })}
            {destinationName && <span className="call__destination-number"> ({formatNumber(destinationDigits)})</span>}
          </span>
        )}
      </p>
      {screen && call.state !== 'ended' && (
        <p className="call__note">{t('call.screenTransfer', { agent: screenTransferFrom(call), record: screen.recordName ?? screen.recordId })}</p>
      )}
      {call.parkNumber && <p className="call__park">{t('call.parkNumber', { number: call.parkNumber })}</p>}
      <CallTimer call={call} />
      {call.state === 'ended' && entry.endedLocally && <p className="call__note">{t('call.endedLocally')}</p>}
      {call.state === 'ended' && !entry.endedLocally && call.endReason && <p className="call__note">{t(`end.${call.endReason}`)}</p>}
      <CallControls call={call} onTransferClosed={focusCall} />
      {call.state === 'ended' && (
        <div className="call__actions">
          <Button wide onClick={() => actions.dismissCall(call.callId)}>
            {t('call.dismiss')}
          </Button>
        </div>
      )}
      {call.handover && <HandoverView handover={call.handover} />}
      <RelatedRecords entry={entry} />
      <CallResult entry={entry} />
      <Field id={`${ids}-notes`} label={t('call.notes')}>
        <textarea className="slds-textarea" id={`${ids}-notes`} rows={3} value={notes} onChange={(e) => actions.setNotes(call.callId, e.target.value)} />
      </Field>
      <LogStatus entry={entry} />
    </section>
  );
}

/**
 * Who handed the call over, by name as the rest of the panel names agents: the call's other party
 * while the transferring agent is on it (a consult), else the login ID the server gives.
 */
function screenTransferFrom(call: CallEntry['call']): string {
  return call.peerName ?? call.screenTransfer?.fromAgent ?? '';
}

/** The call's result (対応結果), free text, during or after the call: it becomes the Task's CallDisposition. */
function CallResult({ entry }: { entry: CallEntry }) {
  const t = useT();
  const actions = useCallActions();
  const id = useId();
  const disposition = usePanel((s) => typedField(s, entry.call.callId, 'disposition'));
  return (
    <Field id={id} label={t('call.result')}>
      <input
        className="slds-input"
        id={id}
        type="text"
        maxLength={TASK_LIMITS.CallDisposition}
        autoComplete="off"
        value={disposition}
        onChange={(e) => actions.setDisposition(entry.call.callId, e.target.value)}
      />
    </Field>
  );
}

function LogStatus({ entry }: { entry: CallEntry }) {
  const t = useT();
  const { status, attempts } = entry.log;
  if (status === 'none') return null;
  const text =
    status === 'saved'
      ? t('call.log.saved')
      : status === 'saving'
        ? t('call.log.saving')
        : status === 'refused'
          ? t('call.log.refused', { reason: entry.log.error ?? '' })
          : t('call.log.retrying', { attempts });
  return (
    <p className={status === 'retrying' || status === 'refused' ? 'call__log call__log_retrying' : 'call__log'} aria-live="polite">
      {text}
    </p>
  );
}
