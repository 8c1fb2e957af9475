import { useEffect, useRef } from 'react';
import { liveCalls, panelLang } from '../app/store';
import { usePanel, useT } from './context';
import { Alerts } from './Alerts';
import { AgentBar } from './AgentBar';
import { CallCard } from './CallCard';
import { DiagnosticsNotice } from './DiagnosticsNotice';
import { DialPad } from './DialPad';
import { PanelFooter } from './PanelFooter';
import { PendingLogs } from './PendingLogs';
import { PhoneNotice } from './PhoneNotice';
import { RecentCalls } from './RecentCalls';
import { RingAnnouncer } from './RingAnnouncer';
import { RefusedLogs } from './RefusedLogs';
import { VersionNotice } from './VersionNotice';
import { SignInForm } from './SignInForm';
import { BareNotice, StartupFailureView } from './StartupScreens';
import { runShortcut, shortcutOf } from './shortcuts';

export function App() {
  const t = useT();
  const phase = usePanel((s) => s.phase);
  const signedIn = usePanel((s) => s.session !== null);
  const onCall = usePanel((s) => liveCalls(s).length > 0);
  const lang = usePanel(panelLang);
  const role = usePanel((s) => s.role);
  const main = useRef<HTMLElement>(null);

  // The document's language too, so screen readers and fonts follow the panel's language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (action && main.current && runShortcut(main.current, action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main ref={main} className="panel" lang={lang} aria-label={t('app.title')} data-panel-role={role}>
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
          <RefusedLogs />
          {signedIn ? <CallCard /> : <SignInForm />}
          {signedIn && !onCall && <DialPad />}
          {signedIn && <RecentCalls />}
        </>
      )}
      {phase !== 'starting' && phase !== 'bare' && <DiagnosticsNotice />}
      {phase !== 'starting' && <PanelFooter />}
      <RingAnnouncer />
    </main>
  );
}
