import { useActions, usePanel, useT } from './context';

export function Alerts() {
  const t = useT();
  const actions = useActions();
  const alerts = usePanel((s) => s.alerts);
  const signedOutReason = usePanel((s) => s.signedOutReason);
  return (
    <div className="panel__alerts">
      {signedOutReason && (
        <p role="alert" className="alert alert--warning">
          {t(`signedOut.${signedOutReason}`)}
        </p>
      )}
      {alerts.map((alert) => (
        <div key={alert.id} role="alert" className={`alert alert--${alert.tone}`}>
          <span>{t(alert.key, alert.params)}</span>
          <button type="button" className="alert__close" onClick={() => actions.dismissAlert(alert.id)} aria-label={t('alert.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
