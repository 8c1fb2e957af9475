/** The pop-out window: the softphone alone, relayed to the page that popped it out. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { panelUrl, type HostParams } from './params';
import { startPopoutRelay, type PopoutRelay } from './popout-relay';

export function PopoutApp({ params, popoutId }: { params: HostParams; popoutId: string }) {
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [relay, setRelay] = useState<PopoutRelay | null>(null);
  const src = useMemo(() => panelUrl(params, window.location.origin), [params]);

  useEffect(() => {
    const started = startPopoutRelay(popoutId, params.panelOrigin, () => frame.current);
    setRelay(started);
    document.title = `Phone (pop-out) — ${params.user}`;
    return () => started.stop();
  }, [popoutId, params]);

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
        <span>☎ Phone · {params.user}</span>
        <button type="button" onClick={() => relay?.popIn()} disabled={!relay}>
          Pop in
        </button>
      </header>
      {relay && <iframe ref={onFrame} className="popout__frame" title="BIZTEL Open CTI softphone" src={src} allow="microphone; autoplay" />}
    </div>
  );
}
