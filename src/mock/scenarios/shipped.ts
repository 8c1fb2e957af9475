/**
 * The scenarios that come with the mock page (`shipped/*.json`, also good examples to copy). Each
 * is checked by `shipped.test.ts`, so a shipped one always runs.
 */
import busyCallee from './shipped/busy-callee.json';
import consultThenCancel from './shipped/consult-then-cancel.json';
import queueRingAll from './shipped/queue-ring-all.json';
import restartMidCall from './shipped/restart-mid-call.json';

export interface ShippedScenario {
  /** What `mockCti.scenarios.run(id)` and the Scenarios tab call it. */
  id: string;
  /** The script as JSON: what the tab shows, edits and runs. */
  script: unknown;
}

export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = [
  { id: 'busy-callee', script: busyCallee },
  { id: 'queue-ring-all', script: queueRingAll },
  { id: 'consult-then-cancel', script: consultThenCancel },
  { id: 'restart-mid-call', script: restartMidCall },
];
