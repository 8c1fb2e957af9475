/** Values derived from the store's state: computed where they are read, never stored. */
import { callPhase, type CallPhase } from '../../domain/call';
import type { Lang } from '../../domain/call-log';
import type { Call } from '../../protocol';
import { capabilitiesFor, parseVersion, type Capabilities } from '../../domain/version';
import type { CallEntry } from './shared-schema';
import type { PanelData, StartupFailure } from './state';

/** The language the panel speaks: the agent's choice, else the Salesforce user's. */
export const panelLang = (s: PanelData): Lang => s.local.langOverride ?? s.frame.salesforceLang;

const capsCache = new Map<string, Capabilities | null>();
/** What the connected server's version can do; the same object for the same version (React selectors). */
export function selectCaps(s: PanelData): Capabilities | null {
  const version = s.shared.hello?.serverVersion;
  if (version === undefined) return null;
  let caps = capsCache.get(version);
  if (caps === undefined) {
    const parsed = parseVersion(version);
    caps = parsed ? capabilitiesFor(parsed) : null;
    capsCache.set(version, caps);
  }
  return caps;
}

export type Phase = 'starting' | 'bare' | 'failed' | 'ready';

/** Where the panel is: this tab's start-up first, then the BIZTEL side as the leader reports it. */
export function selectPhase(s: PanelData): Phase {
  if (s.frame.status === 'bare') return 'bare';
  if (s.frame.failure) return 'failed';
  if (s.frame.status !== 'started') return 'starting';
  if (s.shared.serverFailure) return 'failed';
  return s.shared.hello ? 'ready' : 'starting';
}

export const selectFailure = (s: PanelData): StartupFailure | null => s.frame.failure ?? (s.frame.status === 'started' ? s.shared.serverFailure : null);

export const liveCalls = (s: PanelData): CallEntry[] => Object.values(s.shared.calls).filter((e) => e.call.state !== 'ended');

export const isOnCall = (s: PanelData): boolean => liveCalls(s).length > 0;

/**
 * The call the panel shows: the newest call that rings or is up; else the call that ended last, until
 * the agent closes it (a closed call never comes back).
 */
export function selectActiveCallId(s: PanelData): string | null {
  let newestLive: CallEntry | null = null;
  let lastEnded: CallEntry | null = null;
  for (const entry of Object.values(s.shared.calls)) {
    if (entry.call.state !== 'ended') {
      if (!newestLive || entry.call.startedAt > newestLive.call.startedAt) newestLive = entry;
    } else if (!lastEnded || (entry.call.endedAt ?? 0) > (lastEnded.call.endedAt ?? 0)) {
      lastEnded = entry;
    }
  }
  if (newestLive) return newestLive.call.callId;
  return lastEnded && !s.local.dismissed.includes(lastEnded.call.callId) ? lastEnded.call.callId : null;
}

/** A call's notes or result as this tab shows them: what the agent typed here, until the leader has it. */
export function typedField(s: PanelData, callId: string, field: 'notes' | 'disposition'): string {
  return s.local.drafts[callId]?.[field] ?? s.shared.calls[callId]?.[field] ?? '';
}

/**
 * What the call-state live region says: the call's phase, except that a transfer this tab started
 * blind, still ringing at an outside number, reads as transferring (転送中), not as a consult.
 */
export function selectCallPhase(s: PanelData, call: Call): CallPhase | 'transferring' {
  const phase = callPhase(call);
  return phase === 'consulting' && call.consult?.state === 'dialing' && s.local.transfers[call.callId] === 'blind' ? 'transferring' : phase;
}
