import { selectFailure, type MessageKey, type ServerProbe, type StartupFailure } from '../app';
import { usePanel, useT } from './context';

export function BareNotice() {
  const t = useT();
  const mockUrl = new URL('/mock/', window.location.href);
  // The mock page lives on the other loopback name; the panel is framed from there.
  if (mockUrl.hostname === '127.0.0.1') mockUrl.hostname = 'localhost';
  return (
    <section className="panel__notice">
      <h1 className="slds-text-heading_small">{t('bare.title')}</h1>
      <p>{t('bare.body')}</p>
      <a href={mockUrl.href}>{t('bare.link')}</a>
    </section>
  );
}

/**
 * What the socket library said when it could not connect, in words: its own texts ("xhr poll
 * error", "websocket error", "timeout") are for developers. Anything else is still said in words,
 * with the original kept as a technical detail.
 */
export function linkErrorKey(detail: string): MessageKey {
  if (/poll|websocket/i.test(detail)) return 'failure.link.blocked';
  if (/timeout|timed out/i.test(detail)) return 'failure.link.timeout';
  return 'failure.link.other';
}

function params(failure: StartupFailure): Record<string, string> {
  const out: Record<string, string> = {};
  if ('url' in failure) out.url = failure.url;
  if ('version' in failure) out.version = failure.version;
  return out;
}

function probeParams(probe: ServerProbe): Record<string, string | number> {
  if (probe.kind === 'answered') return { version: probe.version };
  if (probe.kind === 'status') return { status: probe.status };
  return {};
}

export function StartupFailureView() {
  const t = useT();
  const failure = usePanel(selectFailure);
  const linkStatus = usePanel((s) => s.shared.link.status);
  const sandbox = usePanel((s) => s.frame.riskySandbox);
  if (!failure) return null;
  const p = params(failure);
  const detail = 'detail' in failure ? failure.detail : null;
  return (
    <section className="panel__failure" role="alert">
      {/* An expired Salesforce session is not a settings problem: it gets its own headline. */}
      <h1 className="slds-text-heading_small">{t(failure.kind === 'salesforceSession' ? 'failure.salesforceSession.headline' : 'failure.headline')}</h1>
      {failure.kind === 'serverUnreachable' && <p className="panel__failure-message">{t('failure.serverUnreachable.message', p)}</p>}
      <p>{t(`failure.${failure.kind}.cause` as MessageKey, p)}</p>
      <p>{t(`failure.${failure.kind}.fix` as MessageKey, p)}</p>
      {failure.kind === 'serverUnreachable' && failure.probe && <p>{t(`failure.probe.${failure.probe.kind}`, probeParams(failure.probe))}</p>}
      {sandbox && (failure.kind === 'serverUnreachable' || failure.kind === 'serverUrlInvalid') && <p>{t('failure.sandbox', { name: sandbox })}</p>}
      {failure.kind === 'serverUnreachable' && detail !== null && <p>{t(linkErrorKey(detail))}</p>}
      {failure.kind === 'serverUnreachable' && detail !== null && linkErrorKey(detail) === 'failure.link.other' && <p className="panel__detail">{t('failure.detail', { detail })}</p>}
      {failure.kind !== 'serverUnreachable' && detail && <p className="panel__detail">{t('failure.detail', { detail })}</p>}
      {failure.kind === 'serverUnreachable' && linkStatus !== 'closed' && <p aria-live="polite">{t('failure.retrying')}</p>}
      {failure.kind === 'salesforceSession' && <p aria-live="polite">{t('failure.salesforceSession.retrying')}</p>}
    </section>
  );
}
