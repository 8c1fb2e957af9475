/** The pop-out window: the softphone alone, relayed to the page that popped it out. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mockText } from './i18n';
import { panelUrl, type HostParams } from './params';
import { Icon } from './slds';
import { startPopoutRelay, type PopoutRelay } from './popout-relay';

export function PopoutApp({ params, popoutId }: { params: HostParams; popoutId: string }) {
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [relay, setRelay] = useState<PopoutRelay | null>(null);
  const src = useMemo(() => panelUrl(params, window.location.origin), [params]);
  // No MockContext here: the pop-out only relays.
  const t = mockText(params.lang);

  useEffect(() => {
    const started = startPopoutRelay(popoutId, params.panelOrigin, () => frame.current);
    setRelay(started);
    document.title = t.softphone.popoutTitle(params.user);
    return () => started.stop();
  }, [popoutId, params, t]);

  const onFrame = useCallback(
    (element: HTMLIFrameElement | null) => {
      frame.current = element;
      if (element) relay?.frameMounted();
    },
    [relay],
  );

  return (
    <div className="popout">
      <header className="popout__header">
        <span>
          <Icon name="call" className="slds-icon slds-icon_x-small slds-icon-text-default" /> {params.user}
        </span>
        <button type="button" className="slds-button slds-button_neutral" onClick={() => relay?.popIn()} disabled={!relay}>
          {t.softphone.popIn}
        </button>
      </header>
      {relay && <iframe ref={onFrame} className="popout__frame" title={t.softphone.frameTitle} src={src} allow="microphone; autoplay" />}
    </div>
  );
}
