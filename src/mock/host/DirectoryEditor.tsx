/**
 * Directory numbers (§8): names for phone numbers, shown by the panel instead of the number
 * (BIZTEL 3.9.0+). Classic reads them with getDirectoryNumbers, Lightning through the package's Apex.
 */
import { useState } from 'react';
import type { DirectoryNumber } from '../org/types';
import { useMock, useOrg } from './context';
import { checkDirectoryNumbers } from './org-writes';
import { SaveResult } from './SetupPanel';

export function DirectoryEditor() {
  const { directoryNumbers } = useOrg();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-label="Directory numbers">
      <h2>Directory numbers</h2>
      <DirectoryForm key={JSON.stringify(directoryNumbers)} saved={directoryNumbers} onResult={setResult} />
      <SaveResult result={result} />
    </section>
  );
}

function DirectoryForm({ saved, onResult }: { saved: DirectoryNumber[]; onResult: (result: { ok: boolean; text: string }) => void }) {
  const { org, host } = useMock();
  const [rows, setRows] = useState<DirectoryNumber[]>(() => saved.map((d) => ({ ...d })));
  const change = (index: number, field: keyof DirectoryNumber, value: string) => setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const save = () => {
    try {
      const list = checkDirectoryNumbers(rows);
      org.write('directory-numbers', list, (o) => ({ ...o, directoryNumbers: list }), (message) => host.logWire('dropped', `org write refused: ${message}`));
      onResult({ ok: true, text: `${list.length} directory numbers saved.` });
    } catch (error) {
      onResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div>
      {rows.length === 0 && <p>No directory numbers.</p>}
      {rows.map((row, i) => (
        <div key={i} className="directory__row">
          <label>
            {`Name ${i + 1}`}
            <input value={row.name} onChange={(e) => change(i, 'name', e.target.value)} />
          </label>
          <label>
            {`Phone ${i + 1}`}
            <input value={row.phone} onChange={(e) => change(i, 'phone', e.target.value)} />
          </label>
          <button type="button" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
            {`Remove ${i + 1}`}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows((list) => [...list, { name: '', phone: '' }])}>
        Add number
      </button>{' '}
      <button type="button" onClick={save}>
        Save directory numbers
      </button>
    </div>
  );
}
