import { useState } from 'react';
import { Checkbox } from './slds';

/**
 * A checkbox for a setting that lives elsewhere (the simulator, the host): it shows the click at
 * once and goes back if the change failed. Give it `key={String(value)}` so news from elsewhere win.
 */
export function LiveCheckbox({ label, value, onChange, disabled }: { label: string; value: boolean; onChange: (checked: boolean) => Promise<boolean>; disabled?: boolean }) {
  const [checked, setChecked] = useState(value);
  return (
    <Checkbox
      label={label}
      checked={checked}
      disabled={disabled}
      onChange={(event) => {
        const next = event.target.checked;
        setChecked(next);
        void onChange(next).then((ok) => {
          if (!ok) setChecked(!next);
        });
      }}
    />
  );
}
