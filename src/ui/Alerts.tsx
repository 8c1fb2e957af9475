import { useActions, usePanel, useT } from './context';
import { Notice } from './parts';

export function Alerts() {
  const t = useT();
  const actions = useActions();
  const alerts = usePanel((s) => s.local.alerts);
  const signedOutReason = usePanel((s) => s.shared.signedOutReason);
  return (
    <div className="panel__alerts">
      {signedOutReason && (
        <Notice tone="warning" role="alert">
          {t(`signedOut.${signedOutReason}`)}
        </Notice>
      )}
      {alerts.map((alert) => (
        <Notice key={alert.id} tone={alert.tone} role="alert" dismiss={{ label: t('alert.dismiss'), onClick: () => actions.dismissAlert(alert.id) }}>
          {t(alert.key, alert.params)}
        </Notice>
      ))}
    </div>
  );
}
