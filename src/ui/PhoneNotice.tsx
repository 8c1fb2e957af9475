import { usePanel, useT } from './context';
import { Notice } from './parts';

/** The ★ functions of the manual need the BIZTEL softphone (or a desk phone): say so plainly. */
export function PhoneNotice() {
  const t = useT();
  const registered = usePanel((s) => s.shared.session?.agent.phoneRegistered ?? true);
  if (registered) return null;
  return (
    <Notice tone="warning" role="note" id="phone-not-registered">
      {t('phone.notRegistered')}
    </Notice>
  );
}
