const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A 12-key pad: types into the number field when idle, sends tones during a call. */
export function Keypad({ onKey, disabled, label }: { onKey: (key: string) => void; disabled?: boolean; label: string }) {
  return (
    <div className="keypad" role="group" aria-label={label}>
      {KEYS.map((key) => (
        <button key={key} type="button" className="slds-button slds-button_neutral keypad__key" disabled={disabled} onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
