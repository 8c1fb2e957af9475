import { useId } from 'react';
import { availableActions, callPhase } from '../domain/call';
import { otherPartyNumber } from '../domain/call-log';
import { formatNumber, searchDigits } from '../domain/phone';
import type { CallEntry } from '../app/store';
import { useActions, usePanel, useT } from './context';
import { CallTimer } from './CallTimer';
import { RelatedRecords } from './RelatedRecords';

export function CallCard() {
  const entry = usePanel((s) => (s.activeCallId ? s.calls[s.activeCallId] : undefined));
  if (!entry) return null;
  return <ActiveCall entry={entry} />;
}

function ActiveCall({ entry }: { entry: CallEntry }) {
  const t = useT();
  const actions = useActions();
  const phoneRegistered = usePanel((s) => s.session?.agent.phoneRegistered ?? false);
  const pending = usePanel((s) => s.pending);
  const notesField = useId();
  const { call } = entry;
  const phase = callPhase(call);
  const number = otherPartyNumber(call);
  const shown = number === null ? t('call.anonymous') : formatNumber(searchDigits(number) || number);
  const can = new Set(availableActions(call));
  const busy = (name: string) => pending[name] === true;

  return (
    <section className={`call call--${phase}`} aria-labelledby={`${notesField}-party`}>
      <p className="call__state" role="status" aria-label={t('call.state')}>
        {t(`call.phase.${phase}`)}
      </p>
      <p className="call__party" id={`${notesField}-party`}>
        <span className="call__number">{shown}</span>
        {call.peerName && <span className="call__peer">{call.peerName}</span>}
      </p>
      <CallTimer call={call} />
      <div className="call__actions">
        {can.has('answer') && (
          <button type="button" className="button button--success" disabled={!phoneRegistered || busy('answer')} onClick={() => void actions.answer(call.callId)}>
            {t('call.answer')}
          </button>
        )}
        {can.has('decline') && (
          <button type="button" className="button button--destructive" disabled={!phoneRegistered || busy('decline')} onClick={() => void actions.decline(call.callId)}>
            {t('call.decline')}
          </button>
        )}
        {can.has('hangup') && (
          <button type="button" className="button button--destructive" disabled={!phoneRegistered || busy('hangup')} onClick={() => void actions.hangup(call.callId)}>
            {t('call.hangup')}
          </button>
        )}
        {call.state === 'ended' && (
          <button type="button" className="button" onClick={() => actions.dismissCall(call.callId)}>
            {t('call.dismiss')}
          </button>
        )}
      </div>
      <RelatedRecords entry={entry} />
      <label htmlFor={notesField}>{t('call.notes')}</label>
      <textarea id={notesField} rows={3} value={entry.notes} onChange={(e) => actions.setNotes(call.callId, e.target.value)} />
      <LogStatus entry={entry} />
    </section>
  );
}

function LogStatus({ entry }: { entry: CallEntry }) {
  const t = useT();
  const { status, attempts } = entry.log;
  if (status === 'none') return null;
  const text = status === 'saved' ? t('call.log.saved') : status === 'saving' ? t('call.log.saving') : t('call.log.retrying', { attempts });
  return (
    <p className={`call__log call__log--${status}`} aria-live="polite">
      {text}
    </p>
  );
}
