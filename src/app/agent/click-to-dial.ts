/**
 * Click-to-call from Salesforce Phone fields: whether Salesforce should offer it now, and how a click
 * is handled (dial at once, or the dial pad). What a click does is in click-to-dial-handler.ts, loaded
 * with the first click.
 */
import { liveCalls, selectCaps, type PanelData } from '../store';

/** Immediate dial only from 3.2.20 (before, the number always goes to the dial pad). */
export function clickToDialMode(state: PanelData): 'off' | 'immediate' | 'dialPad' {
  const settings = state.shared.session?.settings ?? {};
  if (!selectCaps(state)?.clickToCallSettings) return 'dialPad';
  if (settings.clickToCallDisabled === true) return 'off';
  return settings.clickToCallImmediate === true ? 'immediate' : 'dialPad';
}

/** Available while signed in, the link is live and no call is in progress, whatever the status. */
export function clickToDialAvailable(state: PanelData): boolean {
  return state.shared.session !== null && state.shared.link.status === 'ready' && liveCalls(state).length === 0 && clickToDialMode(state) !== 'off';
}
