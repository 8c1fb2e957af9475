/** Salesforce Setup as the admin uses it for the softphone: layout, call center, directory numbers. */
import { CallCenterEditor } from './CallCenterEditor';
import { DirectoryEditor } from './DirectoryEditor';
import { LayoutEditor } from './LayoutEditor';
import { Outcome } from './slds';

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
export const SaveResult = Outcome;
