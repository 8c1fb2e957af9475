/** Where the softphone lives: its frame, and Lightning's utility bar item (docked or popped out). */
import { useCallback, useMemo } from 'react';
import { MOCK_CALL_CENTER_ITEMS } from './call-center-items';
import { useHost, useMock, useOrg } from './context';
import { useText } from './i18n';
import { pageUrl, panelUrl } from './params';
import { Icon, IconButton } from './slds';

/** The panel's size: what the panel set through Open CTI, else the call center's items. */
function usePanelSize(): { width: number; height: number } {
  const { callCenter } = useOrg();
  const setWidth = useHost((s) => s.panelWidth);
  const setHeight = useHost((s) => s.panelHeight);
  const number = (value: string | undefined, fallback: number) => (value && /^\d{2,4}$/.test(value) ? Number(value) : fallback);
  return {
    width: setWidth ?? number(callCenter[MOCK_CALL_CENTER_ITEMS.width], 300),
    height: setHeight ?? number(callCenter[MOCK_CALL_CENTER_ITEMS.height], 480),
  };
}

/** The softphone frame of this page; a reload (or docking again) makes a new panel instance. */
export function PanelFrame() {
  const { host, docked } = useMock();
  const t = useText();
  const reloads = useHost((s) => s.panelReloads);
  const { width, height } = usePanelSize();
  // Stable callbacks: a new ref callback each render would detach and attach the panel every time.
  const onFrame = useCallback((frame: HTMLIFrameElement | null) => docked.onFrame(frame), [docked]);
  const onLoad = useCallback(() => docked.onLoad(), [docked]);
  // A new nonce per reload, as Salesforce gives one per page load.
  const src = useMemo(() => panelUrl(host.params, window.location.origin), [host.params, reloads]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <iframe
      key={reloads}
      ref={onFrame}
      onLoad={onLoad}
      className="host__panel-frame"
      title={t.softphone.frameTitle}
      src={src}
      style={{ width: `${width}px`, height: `${height}px` }}
      allow="microphone; autoplay"
    />
  );
}

/**
 * Lightning's utility bar: the "Phone" item opens and minimises the docked panel, which stays
 * loaded; "Pop out" moves the panel into its own window, still served by this page's host.
 */
export function UtilityBar() {
  const { host, popout, popoutId } = useMock();
  const t = useText();
  const visible = useHost((s) => s.panelVisible);
  const label = useHost((s) => s.panelLabel);
  const itemLabel = useHost((s) => s.itemLabel);
  const icon = useHost((s) => s.itemIcon);
  const location = useHost((s) => s.panelLocation);
  const size = usePanelSize();
  const popOut = () => {
    popout?.popOut(pageUrl(window.location, { popout: popoutId }), { width: size.width, height: size.height + 40 });
  };

  if (location !== 'docked') {
    return (
      <footer className="host__utility-bar" aria-label={t.regions.utilityBar}>
        <span className="host__utility-item" data-icon={icon}>
          <Icon name="call" className="slds-icon slds-icon_x-small slds-icon-text-default" /> {itemLabel}{' '}
          {location === 'poppedOut' ? t.softphone.poppedOut : t.softphone.poppingOut}
        </span>
        <button type="button" className="slds-button slds-button_neutral" onClick={() => popout?.popIn()}>
          {t.softphone.popIn}
        </button>
      </footer>
    );
  }
  return (
    <footer className="host__utility-bar" aria-label={t.regions.utilityBar}>
      <div className={`host__docked ${visible ? '' : 'host__docked--minimised'}`} aria-hidden={!visible}>
        <div className="host__docked-header">
          <span>{label}</span>
          <span className="host__docked-actions">
            {popout && <IconButton icon="new_window" label={t.softphone.popOut} onClick={popOut} />}
            <IconButton icon="minimize_window" label={t.softphone.minimise} onClick={() => host.store.setState({ panelVisible: false })} />
          </span>
        </div>
        <PanelFrame />
      </div>
      <button type="button" className="host__utility-item" aria-pressed={visible} onClick={() => host.store.setState({ panelVisible: !visible })} data-icon={icon}>
        <Icon name="call" className="slds-icon slds-icon_x-small slds-icon-text-default" /> {itemLabel}
      </button>
    </footer>
  );
}
