/**
 * Click-to-call from Salesforce Phone fields: normalise the number, then dial at once (immediate
 * dial) or put it in the dial pad for the agent to confirm. Bad numbers get a clear message and no call.
 */
import { normaliseNumber } from '../../domain/phone';
import type { ClickToDialRequest } from '../../salesforce/types';
import { liveCalls, selectCaps, type PanelData, type PanelStore } from '../store';
import type { AgentActions } from './actions';

/** Immediate dial only from 3.2.20 (before, the number always goes to the dial pad). */
function clickToDialMode(state: PanelData): 'off' | 'immediate' | 'dialPad' {
  const settings = state.shared.session?.settings ?? {};
  if (!selectCaps(state)?.clickToCallSettings) return 'dialPad';
  if (settings.clickToCallDisabled === true) return 'off';
  return settings.clickToCallImmediate === true ? 'immediate' : 'dialPad';
}

/** Available while signed in, the link is live and no call is in progress, whatever the status. */
export function clickToDialAvailable(state: PanelData): boolean {
  return state.shared.session !== null && state.shared.link.status === 'ready' && liveCalls(state).length === 0 && clickToDialMode(state) !== 'off';
}

export async function handleClickToDial(store: PanelStore, actions: AgentActions, request: ClickToDialRequest, showPanel: () => void): Promise<void> {
  const state = store.getState();
  if (!clickToDialAvailable(state)) {
    state.alertShown({ key: 'clickToCall.unavailable', tone: 'warning', cause: { kind: 'clickToCall' } });
    return;
  }
  const number = normaliseNumber(request.number);
  if (!number.ok) {
    state.alertShown({ key: 'clickToCall.invalid', params: { number: request.number.slice(0, 40) }, tone: 'error', cause: { kind: 'field', field: 'dialNumber' } });
    showPanel();
    return;
  }
  const context = request.recordId ? { recordId: request.recordId, name: request.recordName } : null;
  if (number.extension) state.alertShown({ key: 'clickToCall.extension', params: { extension: number.extension }, tone: 'info', cause: { kind: 'agent' } });
  if (clickToDialMode(state) === 'immediate') {
    await actions.dial(number.digits, context);
  } else {
    const { formatNumber } = await import('../../domain/phone-format');
    actions.setDialDraft(formatNumber(number.digits), context);
    showPanel();
  }
}
