/**
 * The panel's presence in Salesforce: a ringing call opens the (minimised) Lightning panel, and the
 * utility-bar item's label and icon (what the agent sees while the panel is minimised) show the call
 * state and who it is with, since a cross-origin frame cannot ask for desktop notifications. The open
 * panel's own header is left as it is: the panel itself shows the call.
 */
import { callPhase } from '../../domain/call';
import { otherPartyShown } from '../../domain/phone-format';
import type { CtiHost } from '../../salesforce/types';
import { translate } from '../i18n';
import { linkedRecordOf, liveCalls, panelLang, type PanelState, type PanelStore } from '../store';

function labelFor(state: PanelState): { label: string; icon: string } {
  const live = liveCalls(state).sort((a, b) => b.call.startedAt - a.call.startedAt)[0];
  const lang = panelLang(state);
  if (!live) return { label: translate(lang, 'app.panelLabel'), icon: 'call' };
  const phase = callPhase(live.call);
  // The name of the record the call belongs to (as the panel and the Task link it); the number until then.
  const who = linkedRecordOf(live)?.name ?? otherPartyShown(live.call, translate(lang, 'call.anonymous'));
  return { label: `${translate(lang, `call.phase.${phase}`)} ${who}`, icon: phase === 'ringing' ? 'incoming_call' : 'call' };
}

export function watchPresence(store: PanelStore, host: CtiHost): () => void {
  let last = '';
  let lastIcon = '';
  // Per leg, not per call: a call consulted again or transferred back rings here a second time.
  const ringing = new Set<string>();
  const apply = (state: PanelState) => {
    const live = new Set<string>();
    for (const entry of liveCalls(state)) {
      const leg = `${entry.call.callId}@${entry.call.startedAt}`;
      live.add(leg);
      if (entry.call.state === 'ringing' && !ringing.has(leg)) {
        ringing.add(leg);
        host.setPanelVisible(true).catch(() => {});
      }
    }
    // Only legs still up are remembered: over a shift the set would otherwise hold every call.
    for (const leg of ringing) if (!live.has(leg)) ringing.delete(leg);
    const { label, icon } = labelFor(state);
    if (label !== last) {
      last = label;
      host.setItemLabel(label).catch(() => {});
    }
    if (icon !== lastIcon) {
      lastIcon = icon;
      host.setItemIcon(icon).catch(() => {});
    }
  };
  return store.subscribe(apply);
}
