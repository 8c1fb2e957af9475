/** QA's side of the page: the simulator, scenarios, failure injection, Salesforce setup, Tasks, the logs. */
import { useId, useState } from 'react';
import { AllActivity } from './ActivityTimeline';
import { BiztelLog } from './BiztelLog';
import { FailurePanel } from './FailurePanel';
import { useText, type MockText } from './i18n';
import { LogDownloads } from './LogDownloads';
import { ScenariosPanel } from './ScenariosPanel';
import { SetupPanel } from './SetupPanel';
import { SimulatorPanel } from './SimulatorPanel';
import { WireLog } from './WireLog';

const TABS = [
  { id: 'simulator', Panel: SimulatorPanel },
  { id: 'scenarios', Panel: ScenariosPanel },
  { id: 'failures', Panel: FailurePanel },
  { id: 'setup', Panel: SetupPanel },
  { id: 'activity', Panel: AllActivity },
  { id: 'log', Panel: WireLog },
  { id: 'biztelLog', Panel: BiztelLog },
] as const satisfies readonly { id: keyof MockText['tabs']; Panel: () => React.ReactNode }[];

export function QaTools() {
  const t = useText();
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('simulator');
  const base = useId();
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  return (
    <aside className="qa slds-card" aria-label={t.regions.qa}>
      <LogDownloads />
      <div className="slds-tabs_default">
        <ul role="tablist" aria-label={t.regions.qa} className="slds-tabs_default__nav qa__tabs">
          {TABS.map((x) => (
            <li key={x.id} role="presentation" className={`slds-tabs_default__item ${tab === x.id ? 'slds-is-active' : ''}`}>
              <button
                id={`${base}-${x.id}-tab`}
                role="tab"
                type="button"
                className="slds-tabs_default__link"
                aria-selected={tab === x.id}
                aria-controls={`${base}-panel`}
                tabIndex={tab === x.id ? 0 : -1}
                onClick={() => setTab(x.id)}
              >
                {t.tabs[x.id]}
              </button>
            </li>
          ))}
        </ul>
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}-tab`} className="slds-tabs_default__content qa__panel">
          <current.Panel />
        </div>
      </div>
    </aside>
  );
}
