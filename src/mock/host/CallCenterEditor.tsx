/**
 * The call center (Setup → Call Centers → BIZTEL Open CTI Call Center Adapter): the items the panel
 * reads when it starts. Saving does not restart the panel; "Reload softphone" does, as in Salesforce.
 */
import { useState, type SubmitEvent } from 'react';
import { useMock, useOrg } from './context';
import { checkCallCenterItems } from './org-writes';
import { SaveResult } from './SetupPanel';

const ITEMS = {
  serverUrl: '/biztelSettings/serverUrl',
  popupMode: '/biztelSettings/popupMode',
  width: '/reqGeneralInfo/reqSoftphoneWidth',
  height: '/reqGeneralInfo/reqSoftphoneHeight',
} as const;

export function CallCenterEditor() {
  const { callCenter } = useOrg();
  // Kept here: saving changes the org's items, which starts a new draft below.
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-label="Call center">
      <h2>Call center</h2>
      {/* A new draft whenever the org's items change (from this page, another page or a script). */}
      <CallCenterForm key={JSON.stringify(callCenter)} callCenter={callCenter} onResult={setResult} />
      <SaveResult result={result} />
      <details>
        <summary>All call center items</summary>
        <table className="host__table" aria-label="Call center items">
          <tbody>
            {Object.entries(callCenter).map(([name, value]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function CallCenterForm({ callCenter, onResult: setResult }: { callCenter: Record<string, string>; onResult: (result: { ok: boolean; text: string }) => void }) {
  const { org, host } = useMock();
  const [serverUrl, setServerUrl] = useState(callCenter[ITEMS.serverUrl] ?? '');
  const [popupMode, setPopupMode] = useState(callCenter[ITEMS.popupMode] ?? '');
  const [width, setWidth] = useState(callCenter[ITEMS.width] ?? '300');
  const [height, setHeight] = useState(callCenter[ITEMS.height] ?? '480');

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const w = Number(width);
    const h = Number(height);
    if (!Number.isInteger(w) || w < 200 || w > 1920 || !Number.isInteger(h) || h < 240 || h > 2560) {
      setResult({ ok: false, text: 'Width must be 200–1920 and height 240–2560 pixels.' });
      return;
    }
    try {
      const items = checkCallCenterItems({ [ITEMS.serverUrl]: serverUrl.trim(), [ITEMS.popupMode]: popupMode, [ITEMS.width]: String(w), [ITEMS.height]: String(h) });
      org.write('call-center', items, (o) => ({ ...o, callCenter: { ...o.callCenter, ...items } }), (message) => host.logWire('dropped', `org write refused: ${message}`));
      setResult({ ok: true, text: 'Call center saved. Reload the softphone to apply it.' });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form onSubmit={save} aria-label="Call center settings">
      <label>
        BIZTEL Open CTI Server URL
        <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      <label>
        BIZTEL Popup mode
        <select value={popupMode} onChange={(e) => setPopupMode(e.target.value)}>
          <option value="0">0 — never (servers before 3.3.0)</option>
          <option value="1">1 — on ring</option>
          <option value="2">2 — on answer</option>
          <option value="">(empty)</option>
        </select>
      </label>
      <label>
        Softphone width (px)
        <input type="number" min={200} max={1920} value={width} onChange={(e) => setWidth(e.target.value)} />
      </label>
      <label>
        Softphone height (px)
        <input type="number" min={240} max={2560} value={height} onChange={(e) => setHeight(e.target.value)} />
      </label>
      <button type="submit">Save call center</button>
    </form>
  );
}
