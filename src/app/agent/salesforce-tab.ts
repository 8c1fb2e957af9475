/**
 * This panel's own Salesforce tab: the record the agent has open (navigation), click-to-call and
 * whether Salesforce offers it right now, the utility-bar presence, and the directory names.
 */
import type { CtiHost, NavigationInfo } from '../../salesforce/types';
import { errorText } from '../platform';
import { selectCaps, type PanelStore } from '../store';
import type { AgentActions } from './actions';
import { clickToDialAvailable, handleClickToDial } from './click-to-dial';
import { loadDirectory } from './directory';

export interface TabHooks {
  /** The record the agent has open: `replace` false only fills it in when nothing is known yet. */
  navigated(info: NavigationInfo, replace: boolean): void;
  /** The agent is using this tab (a pop should land here). */
  used(): void;
}

export function watchSalesforceTab(store: PanelStore, host: CtiHost, actions: AgentActions, hooks: TabHooks): () => void {
  host.onNavigationChange((info) => {
    hooks.navigated(info, true);
    hooks.used();
  });
  host.getNavigation().then(
    (info) => hooks.navigated(info, false),
    () => {},
  );
  host.onClickToDial(
    (request) => {
      hooks.used();
      void handleClickToDial(store, actions, request, () => void host.setPanelVisible(true).catch(() => {}));
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
      if (state.shared.session !== null) presence ??= import('./presence').then((m) => m.watchPresence(store, host));
      const { hello, session } = state.shared;
      if (hello?.serverVersion !== prev.shared.hello?.serverVersion || (session !== null && prev.shared.session === null)) {
        void refreshDirectory(store, host);
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
    void presence?.then((off) => off());
  };
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
    store.getState().directoryLoaded(await loadDirectory(host));
    store.getState().alertsResolved({ kind: 'salesforce', what: 'directory' });
  } catch (error) {
    store.getState().alertShown({ key: 'error.salesforce', params: { detail: errorText(error) }, tone: 'warning', cause: { kind: 'salesforce', what: 'directory' } });
  }
}
