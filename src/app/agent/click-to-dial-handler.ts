/**
 * A click on a Salesforce Phone field: normalise the number, then dial at once (immediate dial) or
 * put it in the dial pad for the agent to confirm. Bad numbers get a clear message and no call.
 */
import { normaliseNumber } from '../../domain/phone';
import { formatNumber } from '../../domain/phone-format';
import type { ClickToDialRequest } from '../../salesforce/types';
import type { PanelStore } from '../store';
import type { CallActions } from './call-actions';
import { clickToDialAvailable, clickToDialMode } from './click-to-dial';

export async function handleClickToDial(store: PanelStore, actions: CallActions, request: ClickToDialRequest, showPanel: () => void): Promise<void> {
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
    actions.setDialDraft(formatNumber(number.digits), context);
    showPanel();
  }
}
