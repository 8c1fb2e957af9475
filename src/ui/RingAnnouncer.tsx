import { callPhase } from '../domain/call';
import { otherPartyNumber } from '../domain/call-log';
import { formatNumber, searchDigits } from '../domain/phone';
import { usePanel, useT } from './context';

/**
 * Who is calling, said to screen readers as a call starts ringing. The live region is always in the
 * page, empty between rings: screen readers announce a change inside a region they already know,
 * not a region that appears with its text.
 */
export function RingAnnouncer() {
  const t = useT();
  const ringing = usePanel((s) => {
    const entry = s.activeCallId ? s.calls[s.activeCallId] : undefined;
    return entry && callPhase(entry.call) === 'ringing' ? entry.call : null;
  });
  let text = '';
  if (ringing) {
    const number = otherPartyNumber(ringing);
    text = t('call.announceRinging', { number: number === null ? t('call.anonymous') : formatNumber(searchDigits(number) || number) });
  }
  return (
    <p className="slds-assistive-text" aria-live="assertive">
      {text}
    </p>
  );
}
