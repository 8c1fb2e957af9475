/** QA's side of the page: the simulator, failure injection, Salesforce setup, Tasks, the Open CTI log. */
import { useId, useState } from 'react';
import { AllActivity } from './ActivityTimeline';
import { FailurePanel } from './FailurePanel';
import { SetupPanel } from './SetupPanel';
import { SimulatorPanel } from './SimulatorPanel';
import { WireLog } from './WireLog';

const TABS = [
  { id: 'simulator', label: 'Simulator', Panel: SimulatorPanel },
  { id: 'failures', label: 'Failures', Panel: FailurePanel },
  { id: 'setup', label: 'Salesforce setup', Panel: SetupPanel },
  { id: 'activity', label: 'Activity', Panel: AllActivity },
  { id: 'log', label: 'Open CTI log', Panel: WireLog },
] as const;

export function QaTools() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('simulator');
  const base = useId();
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  return (
    <aside className="qa" aria-label="QA tools">
      <div role="tablist" aria-label="QA tools" className="qa__tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}-tab`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}-tab`} className="qa__panel">
        <current.Panel />
      </div>
    </aside>
  );
}
