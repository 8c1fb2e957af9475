/**
 * This panel's own Salesforce tab: the record the agent has open (navigation), click-to-call and
 * whether Salesforce offers it right now, the utility-bar presence, and the directory names.
 */
import type { CtiHost, NavigationInfo } from '../../salesforce/types';
import { loadLaterMessages } from '../i18n';
import { errorText } from '../platform';
import { linkedRecordOf, selectCaps, type CallEntry, type PanelStore } from '../store';
import type { CallActions } from './call-actions';
import { clickToDialAvailable } from './click-to-dial';

export interface TabHooks {
  /** The record the agent has open: `replace` false only fills it in when nothing is known yet. */
  navigated(info: NavigationInfo, replace: boolean): void;
  /** The agent is using this tab (a pop should land here). */
  used(): void;
}

export function watchSalesforceTab(store: PanelStore, host: CtiHost, callActions: () => Promise<CallActions>, hooks: TabHooks): () => void {
  /** The record this tab shows, for refreshing its activities when a call's log for it is written. */
  let openRecordId: string | null = null;
  host.onNavigationChange((info) => {
    openRecordId = info.recordId;
    hooks.navigated(info, true);
    hooks.used();
  });
  host.getNavigation().then(
    (info) => {
      openRecordId ??= info.recordId;
      hooks.navigated(info, false);
    },
    () => {},
  );
  host.onClickToDial(
    (request) => {
      hooks.used();
      // What a click does (the number's checks, the dial) and its messages load with the first click.
      void Promise.all([import('./click-to-dial-handler'), callActions(), loadLaterMessages()]).then(([{ handleClickToDial }, actions]) =>
        handleClickToDial(store, actions, request, () => void host.setPanelVisible(true).catch(() => {})),
      ).catch((error: unknown) => store.getState().faulted(`What a click-to-call does could not load: ${errorText(error)}`));
    },
    (reason) => store.getState().alertShown({ key: 'clickToCall.invalid', params: { number: '?' }, detail: reason, tone: 'error', cause: { kind: 'field', field: 'dialNumber' } }),
  );
  const clickToDial = syncClickToDial(store, host);
  // The utility-bar presence matters once calls can come; it brings the number formatting, so it
  // loads when the agent has signed in rather than with the first screen.
  let presence: Promise<() => void> | null = null;
  const offs = [
    store.subscribe((state, prev) => {
      clickToDial();
      if (openRecordId !== null && state.shared.calls !== prev.shared.calls && loggedFor(state.shared.calls, prev.shared.calls, openRecordId)) {
        host.refreshRecordView().catch(() => {});
      }
      if (state.shared.session !== null) presence ??= import('./presence').then((m) => m.watchPresence(store, host));
      // The directory names show only in the signed-in views: they are read once the agent is signed
      // in (not during start-up, where they would cost a Salesforce round trip and their code).
      const { hello, session } = state.shared;
      if (session !== null && (hello?.serverVersion !== prev.shared.hello?.serverVersion || prev.shared.session === null)) {
        void refreshDirectory(store, host);
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
    void presence?.then((off) => off());
  };
}

/**
 * A call's log was written (or rewritten) for the record this tab shows: Salesforce does not refresh
 * the record page by itself, so its activity list would stay stale until a reload.
 */
function loggedFor(calls: Record<string, CallEntry>, before: Record<string, CallEntry>, recordId: string): boolean {
  // Only a call this panel already had: one that arrives logged (a follower's first state, calls
  // restored after a reload) was written before this page showed its activities.
  return Object.values(calls).some((entry) => {
    const was = before[entry.call.callId];
    return was !== undefined && entry.log.writes > was.log.writes && linkedRecordOf(entry)?.recordId === recordId;
  });
}

/** Keeps Salesforce's click-to-dial in step with whether the agent can place a call now. */
function syncClickToDial(store: PanelStore, host: CtiHost): () => void {
  let enabled: boolean | null = null;
  return () => {
    const next = clickToDialAvailable(store.getState());
    if (next === enabled) return;
    enabled = next;
    host.setClickToDial(next).then(
      () => store.getState().alertsResolved({ kind: 'salesforce', what: 'clickToDial' }),
      (error: unknown) => {
        enabled = null;
        store.getState().alertShown({ key: 'error.salesforce', params: { detail: errorText(error) }, tone: 'warning', cause: { kind: 'salesforce', what: 'clickToDial' } });
      },
    );
  };
}

/** Directory names exist from 3.9.0; a failure to load them only costs the names. */
async function refreshDirectory(store: PanelStore, host: CtiHost): Promise<void> {
  const state = store.getState();
  if (!selectCaps(state)?.directoryNames) {
    if (Object.keys(state.local.directory).length > 0) state.directoryLoaded({});
    return;
  }
  try {
    const { loadDirectory } = await import('./directory');
    store.getState().directoryLoaded(await loadDirectory(host));
    store.getState().alertsResolved({ kind: 'salesforce', what: 'directory' });
  } catch (error) {
    store.getState().alertShown({ key: 'error.salesforce', params: { detail: errorText(error) }, tone: 'warning', cause: { kind: 'salesforce', what: 'directory' } });
  }
}
