/**
 * What the leader needs to handle calls — the pop policy carried out, the call log and its outbox,
 * the watch on the Salesforce session — made in one piece. The leader loads this module once the
 * server has answered (or at once when it resumes a session), so the panel's first screen does not
 * download it: it brings the call-log builder, the phone-number data and the IndexedDB outbox.
 */
import type { CtiHost, HostError } from '../../salesforce/types';
import { CallLogger, openOutbox, type LoggerOptions, type OutboxStore } from '../call-log';
import type { PanelStore } from '../store';
import type { TabGroup } from '../tabs';
import { CallEffects } from './call-effects';
import { PopRouter, type Popper } from './pop-router';
import { RecordMemory, recordMemoryKey } from './record-memory';
import { SalesforceSessionWatch, type SessionWatchOptions } from './salesforce-session';

export interface MachineryDeps {
  store: PanelStore;
  host: CtiHost;
  userId: string;
  /** The agent's panels (pops go to the tab in use), or null when this panel works alone. */
  group: TabGroup | null;
  /** Tests: pops elsewhere than through the group (default: a PopRouter on the host and the group). */
  popper?: Popper;
  logger?: LoggerOptions;
  salesforceSession?: SessionWatchOptions;
  /** Tests: open the outbox elsewhere than the browser's IndexedDB. */
  openOutbox?: (userId: string) => Promise<OutboxStore>;
  /** The Salesforce session expired (true) or came back (false). */
  onSalesforceSession: (expired: boolean) => void;
}

export interface Machinery {
  effects: CallEffects;
  logger: CallLogger;
  watch: SalesforceSessionWatch;
  /** The records this agent chose for numbers (remembered in this browser). */
  records: RecordMemory;
  stop(): void;
}

export async function createMachinery(deps: MachineryDeps): Promise<Machinery> {
  const outbox = await (deps.openOutbox ?? openOutbox)(deps.userId);
  const watch = new SalesforceSessionWatch(deps.host, deps.onSalesforceSession, deps.salesforceSession);
  const report = (error: HostError) => watch.report(error);
  const logger = new CallLogger(deps.store, () => deps.host, outbox, { ...deps.logger, onSalesforceError: report });
  const records = new RecordMemory(() => {
    const loginId = deps.store.getState().shared.session?.agent.loginId;
    return loginId ? recordMemoryKey(deps.userId, loginId) : null;
  });
  const effects = new CallEffects(deps.store, deps.popper ?? new PopRouter(deps.host, deps.group), logger, report, records);
  return {
    effects,
    logger,
    watch,
    records,
    stop: () => {
      effects.stop();
      watch.stop();
      logger.stop();
    },
  };
}
