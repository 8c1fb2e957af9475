import { callPhase } from '../domain/call';
import { otherPartyShown } from '../domain/phone-format';
import { selectActiveCallId } from '../app';
import { usePanel, useT } from './context';

/**
 * Who is calling, said to screen readers as a call starts ringing. The live region is always in the
 * page, empty between rings: screen readers announce a change inside a region they already know,
 * not a region that appears with its text.
 */
export function RingAnnouncer() {
  const t = useT();
  const ringing = usePanel((s) => {
    const id = selectActiveCallId(s);
    const entry = id === null ? undefined : s.shared.calls[id];
    return entry && callPhase(entry.call) === 'ringing' ? entry.call : null;
  });
  let text = '';
  if (ringing) {
    text = t('call.announceRinging', { number: otherPartyShown(ringing, t('call.anonymous')) });
  }
  return (
    <p className="slds-assistive-text" aria-live="assertive">
      {text}
    </p>
  );
}
