import { useState } from 'react';
import { useHost, useOrg } from './context';
import { TaskList } from './PageView';
import { SimulatorPanel } from './SimulatorPanel';

type Tab = 'simulator' | 'tasks' | 'log';

/** QA's side of the page: drive the simulator, read the Tasks, read the Open CTI wire log. */
export function QaTools() {
  const [tab, setTab] = useState<Tab>('simulator');
  return (
    <aside className="qa" aria-label="QA tools">
      <div role="tablist" aria-label="QA tools" className="qa__tabs">
        {(['simulator', 'tasks', 'log'] as const).map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'simulator' ? 'Simulator' : t === 'tasks' ? 'Tasks' : 'Open CTI log'}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="qa__panel">
        {tab === 'simulator' && <SimulatorPanel />}
        {tab === 'tasks' && <AllTasks />}
        {tab === 'log' && <WireLog />}
      </div>
    </aside>
  );
}

function AllTasks() {
  const tasks = useOrg().tasks;
  return tasks.length === 0 ? <p>No Tasks yet.</p> : <TaskList tasks={[...tasks].reverse()} />;
}

function WireLog() {
  const log = useHost((s) => s.log);
  const text = log.map((e) => `${new Date(e.at).toISOString()} ${e.direction === 'in' ? '→ host' : e.direction === 'out' ? '← host' : '✕ dropped'} ${e.text}`).join('\n');
  return (
    <>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
        Copy log
      </button>
      <pre className="qa__log" aria-label="Open CTI messages">
        {text}
      </pre>
    </>
  );
}
