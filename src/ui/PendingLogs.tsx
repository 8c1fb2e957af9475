import { usePanel, useT } from './context';
import { Notice } from './parts';

/** Call logs Salesforce has not confirmed yet; and whether they would survive closing the tab. */
export function PendingLogs() {
  const t = useT();
  const pending = usePanel((s) => s.shared.logs.pending);
  const durable = usePanel((s) => s.shared.logs.durable);
  const sessionExpired = usePanel((s) => s.shared.salesforceSession === 'expired');
  if (pending === 0) return null;
  return (
    <Notice tone={sessionExpired || !durable ? 'warning' : 'info'} role="status" aria-live="polite">
      {t('logs.pending', { count: pending })}
      {!durable && ` ${t('logs.notDurable')}`}
    </Notice>
  );
}
