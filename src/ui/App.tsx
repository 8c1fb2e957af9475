import { Suspense, lazy, useEffect, useRef } from 'react';
import { afterPaint, loadLaterMessages, panelLang, selectPhase } from '../app';
import { usePanel, usePanelApp, useT } from './context';
import { FaultView } from './ErrorBoundary';
import { Notices } from './Notices';
import { PanelFooter } from './PanelFooter';
import { SignInForm } from './SignInForm';
import { runShortcut, shortcutOf } from './shortcuts';

/** A view that loads after the first screen, with the texts the first screen does not carry. */
const withLaterTexts = <T,>(load: () => Promise<T>) => (): Promise<T> => Promise.all([load(), loadLaterMessages()]).then(([module]) => module);

// The signed-in views come with their stylesheet too (the first screen's loads with the panel).
const loadSignedIn = withLaterTexts(() => import('./SignedIn').then((views) => views.stylesReady.then(() => views)));
const SignedIn = lazy(loadSignedIn);
// What a start-up failure, or a page outside Salesforce, says loads only when one is shown: its
// words are most of the first screen's texts, and a panel that starts well never needs them.
const loadStartupScreens = withLaterTexts(() => import('./StartupScreens'));
const BareNotice = lazy(() => loadStartupScreens().then((screens) => ({ default: screens.BareNotice })));
const StartupFailureView = lazy(() => loadStartupScreens().then((screens) => ({ default: screens.StartupFailureView })));
// The count of refused input, likewise: only once the panel has refused some.
const DiagnosticsNotice = lazy(() => withLaterTexts(() => import('./DiagnosticsNotice'))().then((notice) => ({ default: notice.DiagnosticsNotice })));

export function App() {
  const t = useT();
  const app = usePanelApp();
  const phase = usePanel(selectPhase);
  const signedIn = usePanel((s) => s.shared.session !== null);
  const lang = usePanel(panelLang);
  const role = usePanel((s) => s.local.role);
  const fault = usePanel((s) => s.local.fault);
  const refusedInput = usePanel((s) => s.local.diagnostics.total > 0);
  const main = useRef<HTMLElement>(null);

  // The signed-in views and their actions load once the first screen is painted, so signing in does
  // not wait for them (an effect of this render may run before the browser paints it).
  useEffect(() => {
    if (phase === 'ready') void afterPaint().then(() => Promise.all([loadSignedIn(), app.callActions()]));
  }, [phase, app]);

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
      {fault !== null && <FaultView reason={fault} />}
      {phase === 'starting' && <StartingNote />}
      {(phase === 'bare' || phase === 'failed') && (
        <Suspense fallback={null}>{phase === 'bare' ? <BareNotice /> : <StartupFailureView />}</Suspense>
      )}
      {phase === 'ready' && !signedIn && (
        <>
          <Notices />
          <SignInForm />
        </>
      )}
      {phase === 'ready' && signedIn && (
        <Suspense fallback={<p className="panel__starting">{t('app.starting')}</p>}>
          <SignedIn />
        </Suspense>
      )}
      {phase !== 'starting' && phase !== 'bare' && refusedInput && (
        <Suspense fallback={null}>
          <DiagnosticsNotice />
        </Suspense>
      )}
      {phase !== 'starting' && <PanelFooter />}
    </main>
  );
}

/** What start-up waits for, said plainly: a slow Salesforce or BIZTEL server shows here, not as a blank panel. */
function StartingNote() {
  const t = useT();
  const waitingFor = usePanel((s) => (s.frame.status !== 'started' ? 'salesforce' : s.local.role === 'follower' ? 'leader' : 'server'));
  const serverUrl = usePanel((s) => s.frame.serverUrl ?? '');
  return (
    <p className="panel__starting" role="status">
      {t('app.starting')} {t(`app.starting.${waitingFor}`, { url: serverUrl })}
    </p>
  );
}
