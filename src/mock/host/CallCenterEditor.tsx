/**
 * The call center (Setup → Call Centers → BIZTEL Open CTI Call Center Adapter): the items the panel
 * reads when it starts. Saving does not restart the panel; "Reload softphone" does, as in Salesforce.
 */
import { useState, type SubmitEvent } from 'react';
import { MOCK_CALL_CENTER_ITEMS } from './call-center-items';
import { useMock, useOrg } from './context';
import { useText } from './i18n';
import { checkCallCenterItems } from './org-writes';
import { SaveResult } from './SetupPanel';
import { Button, Card, Select, TextInput } from './slds';

const ITEMS = MOCK_CALL_CENTER_ITEMS;

export function CallCenterEditor() {
  const { callCenter } = useOrg();
  const t = useText().setup;
  // Kept here: saving changes the org's items, which starts a new draft below.
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Card label={t.callCenter} title={t.callCenter}>
      {/* A new draft whenever the org's items change (from this page, another page or a script). */}
      <CallCenterForm key={JSON.stringify(callCenter)} callCenter={callCenter} onResult={setResult} />
      <SaveResult result={result} />
      <details>
        <summary>{t.allItems}</summary>
        <table className="slds-table slds-table_bordered slds-table_cell-buffer host__table" aria-label={t.items}>
          <tbody>
            {Object.entries(callCenter).map(([name, value]) => (
              <tr key={name}>
                <td className="slds-cell-wrap">
                  <code>{name}</code>
                </td>
                <td className="slds-cell-wrap">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}

function CallCenterForm({ callCenter, onResult: setResult }: { callCenter: Record<string, string>; onResult: (result: { ok: boolean; text: string }) => void }) {
  const { org, host } = useMock();
  const t = useText().setup;
  const [serverUrl, setServerUrl] = useState(callCenter[ITEMS.serverUrl] ?? '');
  const [popupMode, setPopupMode] = useState(callCenter[ITEMS.popupMode] ?? '');
  const [width, setWidth] = useState(callCenter[ITEMS.width] ?? '300');
  const [height, setHeight] = useState(callCenter[ITEMS.height] ?? '480');

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const w = Number(width);
    const h = Number(height);
    if (!Number.isInteger(w) || w < 200 || w > 1920 || !Number.isInteger(h) || h < 240 || h > 2560) {
      setResult({ ok: false, text: t.sizeRange });
      return;
    }
    try {
      const items = checkCallCenterItems({ [ITEMS.serverUrl]: serverUrl.trim(), [ITEMS.popupMode]: popupMode, [ITEMS.width]: String(w), [ITEMS.height]: String(h) });
      org.write('call-center', items, (o) => ({ ...o, callCenter: { ...o.callCenter, ...items } }), (message) => host.logWire('dropped', `org write refused: ${message}`));
      setResult({ ok: true, text: t.callCenterSaved });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form onSubmit={save} aria-label={t.callCenterForm}>
      <TextInput label={t.serverUrl} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      <Select label={t.popupMode} value={popupMode} onChange={(e) => setPopupMode(e.target.value)}>
        {(['0', '1', '2', ''] as const).map((mode) => (
          <option key={mode} value={mode}>
            {t.popupModes[mode]}
          </option>
        ))}
      </Select>
      <TextInput type="number" min={200} max={1920} label={t.width} value={width} onChange={(e) => setWidth(e.target.value)} />
      <TextInput type="number" min={240} max={2560} label={t.height} value={height} onChange={(e) => setHeight(e.target.value)} />
      <Button type="submit" variant="brand">
        {t.saveCallCenter}
      </Button>
    </form>
  );
}
