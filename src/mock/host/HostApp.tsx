import { useMemo } from 'react';
import { useHost, useMock, useOrg } from './context';
import { PageView } from './PageView';
import { panelUrl } from './params';
import { QaTools } from './QaTools';

interface Props {
  onFrame: (frame: HTMLIFrameElement | null) => void;
  onFrameLoad: () => void;
}

export function HostApp({ onFrame, onFrameLoad }: Props) {
  const { host } = useMock();
  const { params } = host;
  const src = useMemo(() => panelUrl(params, window.location.origin), [params]);
  const other = new URL(window.location.href);
  other.searchParams.set('mode', params.mode === 'lightning' ? 'classic' : 'lightning');
  return (
    <div className={`host host--${params.mode}`}>
      <header className="host__header">
        <span className="host__brand">Salesforce <small>(mock-CTI · {params.mode === 'lightning' ? 'Lightning Experience' : 'Classic'})</small></span>
        <span className="host__user">
          {params.user} · {params.lang}
        </span>
        <a href={other.href}>{params.mode === 'lightning' ? 'Switch to Classic' : 'Switch to Lightning'}</a>
      </header>
      <div className="host__body">
        {params.mode === 'classic' && (
          <aside className="host__left-pane" aria-label="Softphone">
            <PanelFrame src={src} onFrame={onFrame} onFrameLoad={onFrameLoad} />
          </aside>
        )}
        <main className="host__main">
          <PageView />
        </main>
        <QaTools />
      </div>
      {params.mode === 'lightning' && <UtilityBar src={src} onFrame={onFrame} onFrameLoad={onFrameLoad} />}
    </div>
  );
}

function PanelFrame({ src, onFrame, onFrameLoad }: { src: string } & Props) {
  const { callCenter } = useOrg();
  const setWidth = useHost((s) => s.panelWidth);
  const setHeight = useHost((s) => s.panelHeight);
  const width = setWidth ?? Number(callCenter['/reqGeneralInfo/reqSoftphoneWidth'] ?? 300);
  const heightPx = setHeight ?? Number(callCenter['/reqGeneralInfo/reqSoftphoneHeight'] ?? 480);
  return (
    <iframe
      ref={onFrame}
      onLoad={onFrameLoad}
      className="host__panel-frame"
      title="BIZTEL Open CTI softphone"
      src={src}
      style={{ width: `${width}px`, height: `${heightPx}px` }}
      allow="microphone; autoplay"
    />
  );
}

/** Lightning's utility bar: the "Phone" item opens and minimises the docked panel, which stays loaded. */
function UtilityBar({ src, onFrame, onFrameLoad }: { src: string } & Props) {
  const { host } = useMock();
  const visible = useHost((s) => s.panelVisible);
  const label = useHost((s) => s.panelLabel);
  const icon = useHost((s) => s.panelIcon);
  return (
    <footer className="host__utility-bar">
      <div className={`host__docked ${visible ? '' : 'host__docked--minimised'}`} aria-hidden={!visible}>
        <div className="host__docked-header">
          <span>{label}</span>
          <button type="button" onClick={() => host.store.setState({ panelVisible: false })} aria-label="Minimise">
            _
          </button>
        </div>
        <PanelFrame src={src} onFrame={onFrame} onFrameLoad={onFrameLoad} />
      </div>
      <button type="button" className="host__utility-item" aria-pressed={visible} onClick={() => host.store.setState({ panelVisible: !visible })} data-icon={icon}>
        ☎ {label}
      </button>
    </footer>
  );
}
