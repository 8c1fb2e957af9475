/**
 * The panel's one alert region: why the agent was signed out, what just went wrong, and the call
 * logs Salesforce refused. Pinned to the top of the panel, so an alert is in view wherever the agent
 * has scrolled to. Each alert goes by itself once its cause is over (the store's alert rules); the
 * agent can also close it.
 */
import type { AlertField } from '../app';
import { useActions, usePanel, useT } from './context';
import { Notice } from './parts';
import { RefusedLogs } from './RefusedLogs';

const alertElementId = (id: number): string => `panel-alert-${id}`;

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
        <Notice
          key={alert.id}
          id={alertElementId(alert.id)}
          tone={alert.tone}
          role="alert"
          dismiss={{ label: t('alert.dismiss'), onClick: () => actions.dismissAlert(alert.id) }}
        >
          {t(alert.key, alert.params)}
        </Notice>
      ))}
      <RefusedLogs />
    </div>
  );
}

/** A field an alert is about: marked invalid and described by that alert, until the agent edits it. */
export function useFieldAlert(field: AlertField): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const id = usePanel((s) => s.local.alerts.find((a) => a.cause.kind === 'field' && a.cause.field === field)?.id);
  return id === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': alertElementId(id) };
}
