import { liveCalls } from '../app/store';
import { usePanel, useT } from './context';
import { Alerts } from './Alerts';
import { AgentBar } from './AgentBar';
import { CallCard } from './CallCard';
import { DialPad } from './DialPad';
import { PendingLogs } from './PendingLogs';
import { PhoneNotice } from './PhoneNotice';
import { VersionNotice } from './VersionNotice';
import { SignInForm } from './SignInForm';
import { BareNotice, StartupFailureView } from './StartupScreens';

export function App() {
  const t = useT();
  const phase = usePanel((s) => s.phase);
  const signedIn = usePanel((s) => s.session !== null);
  const onCall = usePanel((s) => liveCalls(s).length > 0);
  const lang = usePanel((s) => s.lang);
  const role = usePanel((s) => s.role);
  return (
    <main className="panel" lang={lang} aria-label={t('app.title')} data-panel-role={role}>
      {phase === 'starting' && <p className="panel__starting">{t('app.starting')}</p>}
      {phase === 'bare' && <BareNotice />}
      {phase === 'failed' && <StartupFailureView />}
      {phase === 'ready' && (
        <>
          {signedIn && <AgentBar />}
          <VersionNotice />
          <Alerts />
          {signedIn && <PhoneNotice />}
          <PendingLogs />
          {signedIn ? <CallCard /> : <SignInForm />}
          {signedIn && !onCall && <DialPad />}
        </>
      )}
    </main>
  );
}
