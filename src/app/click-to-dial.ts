/**
 * Click-to-call from Salesforce Phone fields (§1.2, §10): normalise the number, then dial at once
 * (immediate dial) or put it in the dial pad for the agent to confirm. Bad numbers get a clear
 * message and no call.
 */
import { formatNumber, normaliseNumber } from '../domain/phone';
import type { ClickToDialRequest } from '../salesforce/types';
import type { PanelActions } from './actions';
import { liveCalls, pushAlert, type PanelState, type PanelStore } from './store';

/** Immediate dial only from 3.2.20 (before, the number always goes to the dial pad). */
export function clickToDialMode(state: PanelState): 'off' | 'immediate' | 'dialPad' {
  const settings = state.session?.settings ?? {};
  if (!state.caps?.clickToCallSettings) return 'dialPad';
  if (settings.clickToCallDisabled === true) return 'off';
  return settings.clickToCallImmediate === true ? 'immediate' : 'dialPad';
}

/** SPEC "Decisions": available while signed in, the link is live and no call is in progress. */
export function clickToDialAvailable(state: PanelState): boolean {
  return state.session !== null && state.linkStatus === 'ready' && liveCalls(state).length === 0 && clickToDialMode(state) !== 'off';
}

export async function handleClickToDial(
  store: PanelStore,
  actions: PanelActions,
  request: ClickToDialRequest,
  showPanel: () => void,
): Promise<void> {
  const state = store.getState();
  if (!clickToDialAvailable(state)) {
    pushAlert(store, { key: 'clickToCall.unavailable', tone: 'warning' });
    return;
  }
  const number = normaliseNumber(request.number);
  if (!number.ok) {
    pushAlert(store, { key: 'clickToCall.invalid', params: { number: request.number.slice(0, 40) }, tone: 'error' });
    showPanel();
    return;
  }
  const context = request.recordId ? { recordId: request.recordId, name: request.recordName } : null;
  if (number.extension) pushAlert(store, { key: 'clickToCall.extension', params: { extension: number.extension }, tone: 'info' });
  if (clickToDialMode(state) === 'immediate') {
    await actions.dial(number.digits, context);
  } else {
    actions.setDialDraft(formatNumber(number.digits), context);
    showPanel();
  }
}
