/**
 * The three logs as JSON files for a bug report: the Open CTI log (this page's host), the BIZTEL
 * socket events (the live log the simulator pushes) and the simulator's own log (its state and every
 * call with its legs). Each file says which page, mode and agent it came from.
 */
import { useState } from 'react';
import { useMock } from './context';
import { downloadJson, logFileName } from './download';
import { useText } from './i18n';
import { Button } from './slds';

export function LogDownloads() {
  const { host, sim, stream } = useMock();
  const t = useText();
  const [error, setError] = useState<string | null>(null);
  const { mode, user, lang } = host.params;
  const about = () => ({ page: window.location.href, mode, user, lang, exportedAt: new Date().toISOString() });
  const save = (what: string, make: () => Promise<Record<string, unknown>> | Record<string, unknown>) => {
    setError(null);
    Promise.resolve(make()).then(
      (content) => downloadJson(logFileName(what, user), { ...about(), ...content }),
      (e: unknown) => setError(t.downloads.failed(e instanceof Error ? e.message : String(e))),
    );
  };
  return (
    <div role="toolbar" aria-label={t.downloads.region} className="qa__downloads">
      <span className="qa__downloads-label" aria-hidden="true">
        {t.downloads.label}
      </span>
      {/* Short visible words; the full name (which contains them) says what is downloaded. */}
      <Button icon="download" aria-label={t.downloads.openCti} title={t.downloads.openCti} onClick={() => save('open-cti-log', () => ({ dropped: host.store.getState().logDropped, entries: host.wireLog() }))}>
        {t.downloads.short.openCti}
      </Button>
      <Button icon="download" aria-label={t.downloads.biztel} title={t.downloads.biztel} onClick={() => save('biztel-log', () => ({ dropped: stream.store.getState().logDropped, events: stream.events() }))}>
        {t.downloads.short.biztel}
      </Button>
      <Button icon="download" aria-label={t.downloads.simulator} title={t.downloads.simulator} onClick={() => save('simulator-log', () => sim.log())}>
        {t.downloads.short.simulator}
      </Button>
      {error && (
        <p role="alert" className="slds-text-color_error">
          {error}
        </p>
      )}
    </div>
  );
}
