/**
 * This panel's own Salesforce tab: the record the agent has open (navigation), click-to-call and
 * whether Salesforce offers it right now, the utility-bar presence, and the directory names (§8).
 */
import type { CtiHost, NavigationInfo } from '../salesforce/types';
import type { PanelActions } from './actions';
import { trackActiveCall } from './active-call';
import { clickToDialAvailable, handleClickToDial } from './click-to-dial';
import { loadDirectory } from './directory';
import { watchPresence } from './presence';
import { errorText } from './salesforce-errors';
import { pushAlert, type PanelStore } from './store';

export interface TabHooks {
  /** The record the agent has open: `replace` false only fills it in when nothing is known yet. */
  navigated(info: NavigationInfo, replace: boolean): void;
  /** The agent is using this tab (a pop should land here). */
  used(): void;
}

export function watchSalesforceTab(store: PanelStore, host: CtiHost, actions: PanelActions, hooks: TabHooks): () => void {
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
    (reason) => pushAlert(store, { key: 'clickToCall.invalid', params: { number: '?' }, detail: reason, tone: 'error' }),
  );
  const clickToDial = syncClickToDial(store, host);
  const offs = [
    watchPresence(store, host),
    trackActiveCall(store),
    store.subscribe((state, prev) => {
      clickToDial();
      if (state.hello?.serverVersion !== prev.hello?.serverVersion || (state.session !== null && prev.session === null)) {
        void refreshDirectory(store, host);
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** Keeps Salesforce's click-to-dial in step with whether the agent can place a call now. */
function syncClickToDial(store: PanelStore, host: CtiHost): () => void {
  let enabled: boolean | null = null;
  return () => {
    const next = clickToDialAvailable(store.getState());
    if (next === enabled) return;
    enabled = next;
    host.setClickToDial(next).catch((error: unknown) => {
      enabled = null;
      pushAlert(store, { key: 'error.salesforce', params: { detail: errorText(error) }, tone: 'warning' });
    });
  };
}

/** Directory names exist from 3.9.0; a failure to load them only costs the names. */
async function refreshDirectory(store: PanelStore, host: CtiHost): Promise<void> {
  if (!store.getState().caps?.directoryNames) {
    if (Object.keys(store.getState().directory).length > 0) store.setState({ directory: {} });
    return;
  }
  try {
    store.setState({ directory: await loadDirectory(host) });
  } catch (error) {
    pushAlert(store, { key: 'error.salesforce', params: { detail: errorText(error) }, tone: 'warning' });
  }
}
