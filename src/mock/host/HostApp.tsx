/** The fake Salesforce: header, the open page, the softphone (utility bar or left pane), QA tools. */
import { useMock } from './context';
import { PageView } from './PageView';
import { pageUrl } from './params';
import { QaTools } from './QaTools';
import { GlobalSearch } from './GlobalSearch';
import { PanelFrame, UtilityBar } from './Softphone';

export function HostApp() {
  const { host } = useMock();
  const { params } = host;
  const lightning = params.mode === 'lightning';
  return (
    <div className={`host host--${params.mode}`}>
      <header className="host__header">
        <span className="host__brand">
          Salesforce <small>(mock-CTI · {lightning ? 'Lightning Experience' : 'Classic'})</small>
        </span>
        <GlobalSearch />
        <span className="host__user">
          {params.user} · {params.lang}
        </span>
        <a href={pageUrl(window.location, { mode: lightning ? 'classic' : 'lightning' })}>{lightning ? 'Switch to Classic' : 'Switch to Lightning'}</a>
        <button type="button" className="host__header-button" onClick={() => host.store.setState((s) => ({ panelReloads: s.panelReloads + 1 }))}>
          Reload softphone
        </button>
      </header>
      <div className="host__body">
        {!lightning && (
          <aside className="host__left-pane" aria-label="Softphone (left pane)">
            <PanelFrame />
          </aside>
        )}
        <main className="host__main" aria-label="Salesforce page">
          <PageView />
        </main>
        <QaTools />
      </div>
      {lightning && <UtilityBar />}
    </div>
  );
}
