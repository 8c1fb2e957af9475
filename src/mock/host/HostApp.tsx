/** The fake Salesforce: header, the open page, the softphone (utility bar or left pane), QA tools. */
import { useState } from 'react';
import { useMock } from './context';
import { GlobalSearch } from './GlobalSearch';
import { useText } from './i18n';
import { PageView } from './PageView';
import { pageUrl } from './params';
import { QaTools } from './QaTools';
import { Button } from './slds';
import { PanelFrame, UtilityBar } from './Softphone';

export function HostApp() {
  const { host } = useMock();
  const t = useText();
  const { params } = host;
  const lightning = params.mode === 'lightning';
  return (
    <div className={`host host--${params.mode}`}>
      <header className="host__header">
        <span className="host__brand">
          <span className="host__logo" aria-hidden="true" />
          {t.header.brand} <small>(mock-CTI · {t.header.mode[params.mode]})</small>
        </span>
        <GlobalSearch />
        <span className="host__user" title={t.header.userLabel}>
          {params.user} · {params.lang}
        </span>
        <a className="host__switch" href={pageUrl(window.location, { mode: lightning ? 'classic' : 'lightning' })}>
          {lightning ? t.header.switchTo.classic : t.header.switchTo.lightning}
        </a>
        <Button className="host__header-button" icon="refresh" onClick={() => host.store.setState((s) => ({ panelReloads: s.panelReloads + 1 }))}>
          {t.header.reloadSoftphone}
        </Button>
        <ResetButton />
      </header>
      <div className="host__body">
        {!lightning && (
          <aside className="host__left-pane slds-card" aria-label={t.regions.leftPane}>
            <PanelFrame />
          </aside>
        )}
        <main className="host__main slds-card" aria-label={t.regions.page}>
          <PageView />
        </main>
        <QaTools />
      </div>
      {lightning && <UtilityBar />}
    </div>
  );
}

/** Everything back to the seed, as `mockCti.reset()` does; says when it is done. */
function ResetButton() {
  const { reset } = useMock();
  const t = useText();
  const [state, setState] = useState<{ busy: boolean; text: string; ok: boolean } | null>(null);
  const click = () => {
    setState({ busy: true, text: t.header.resetting, ok: true });
    reset().then(
      () => setState({ busy: false, text: t.header.resetDone, ok: true }),
      (error: unknown) => setState({ busy: false, text: t.header.resetFailed(error instanceof Error ? error.message : String(error)), ok: false }),
    );
  };
  return (
    <>
      <Button className="host__header-button" icon="undo" onClick={click} disabled={state?.busy}>
        {t.header.reset}
      </Button>
      <span role={state?.ok === false ? 'alert' : 'status'} aria-label={t.header.reset} className="host__reset-status">
        {state?.text ?? ''}
      </span>
    </>
  );
}
