/** Salesforce Setup as the admin uses it for the softphone: layout, call center, directory numbers. */
import { CallCenterEditor } from './CallCenterEditor';
import { DirectoryEditor } from './DirectoryEditor';
import { LayoutEditor } from './LayoutEditor';

export function SetupPanel() {
  return (
    <div className="sim">
      <LayoutEditor />
      <CallCenterEditor />
      <DirectoryEditor />
    </div>
  );
}

/** One line saying what the last save did (or why it failed). */
export function SaveResult({ result }: { result: { ok: boolean; text: string } | null }) {
  if (!result) return null;
  return result.ok ? <p role="status">{result.text}</p> : <p role="alert">{result.text}</p>;
}
