/**
 * Directory numbers: names for phone numbers, shown by the panel instead of the number
 * (BIZTEL 3.9.0+). Classic reads them with getDirectoryNumbers, Lightning through the package's Apex.
 */
import { useState } from 'react';
import type { DirectoryNumber } from '../org/types';
import { useMock, useOrg } from './context';
import { useText } from './i18n';
import { checkDirectoryNumbers } from './org-writes';
import { SaveResult } from './SetupPanel';
import { Button, Card, TextInput } from './slds';

export function DirectoryEditor() {
  const { directoryNumbers } = useOrg();
  const t = useText().setup;
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Card label={t.directory} title={t.directory}>
      <DirectoryForm key={JSON.stringify(directoryNumbers)} saved={directoryNumbers} onResult={setResult} />
      <SaveResult result={result} />
    </Card>
  );
}

function DirectoryForm({ saved, onResult }: { saved: DirectoryNumber[]; onResult: (result: { ok: boolean; text: string }) => void }) {
  const { org, host } = useMock();
  const t = useText().setup;
  const [rows, setRows] = useState<DirectoryNumber[]>(() => saved.map((d) => ({ ...d })));
  const change = (index: number, field: keyof DirectoryNumber, value: string) => setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const save = () => {
    try {
      const list = checkDirectoryNumbers(rows);
      org.write('directory-numbers', list, (o) => ({ ...o, directoryNumbers: list }), (message) => host.logWire('dropped', `org write refused: ${message}`));
      onResult({ ok: true, text: t.directorySaved(list.length) });
    } catch (error) {
      onResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div>
      {rows.length === 0 && <p>{t.noDirectory}</p>}
      {rows.map((row, i) => (
        <div key={i} className="directory__row">
          <TextInput label={t.dirName(i + 1)} value={row.name} onChange={(e) => change(i, 'name', e.target.value)} />
          <TextInput label={t.dirPhone(i + 1)} value={row.phone} onChange={(e) => change(i, 'phone', e.target.value)} />
          <Button icon="delete" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
            {t.dirRemove(i + 1)}
          </Button>
        </div>
      ))}
      <div className="sim__buttons">
        <Button onClick={() => setRows((list) => [...list, { name: '', phone: '' }])}>{t.addNumber}</Button>
        <Button variant="brand" onClick={save}>
          {t.saveDirectory}
        </Button>
      </div>
    </div>
  );
}
