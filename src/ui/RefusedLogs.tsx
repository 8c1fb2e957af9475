import { usePanel, useT } from './context';
import { Notice } from './parts';

/**
 * Call logs Salesforce refused as they are: said plainly, with Salesforce's reason, because the
 * panel cannot fix them by retrying (it keeps them and tries again slowly; call-logger.ts).
 */
export function RefusedLogs() {
  const t = useT();
  const refused = usePanel((s) => s.shared.logs.refused);
  if (refused.length === 0) return null;
  return (
    <Notice tone="error" role="alert">
      {refused.map((log) => (
        <p key={log.callId} className="notice__line">
          {t('logs.refused', { subject: log.subject, reason: log.reason })}
        </p>
      ))}
    </Notice>
  );
}
