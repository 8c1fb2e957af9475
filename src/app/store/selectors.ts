/** Values derived from the store's state: computed where they are read, never stored. */
import type { Lang } from '../../domain/call-log';
import { capabilitiesFor, parseVersion, type Capabilities } from '../../domain/version';
import type { FoundRecord } from '../../salesforce/types';
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

/** The record a call's Task links to, with what the panel knows of it. */
export interface LinkedRecord {
  recordId: string;
  name?: string;
  objectType?: string;
}

/**
 * The record a call belongs to: what its Task links to, and what the related-record choice shows
 * selected. The agent's pick on this call; else the record the call came with (the click-to-call
 * record, the screen-transferred or handed-over one), which says more than a number match that may
 * find several people sharing a number; else the one the agent chose for this number before; else
 * the only match.
 */
export function linkedRecordOf(entry: CallEntry): LinkedRecord | null {
  const describe = (recordId: string, name?: string | null): LinkedRecord => {
    const found = entry.records.find((r) => r.recordId === recordId);
    if (found) return { recordId, name: found.name, objectType: found.objectType };
    return name ? { recordId, name } : { recordId };
  };
  if (entry.chosenRecordId) return describe(entry.chosenRecordId);
  if (entry.contextRecord) return describe(entry.contextRecord.recordId, entry.contextRecord.name);
  const remembered = entry.rememberedRecordId;
  if (remembered && entry.records.some((r) => r.recordId === remembered)) return describe(remembered);
  const [only] = entry.records;
  return entry.records.length === 1 && only ? describe(only.recordId) : null;
}

/**
 * The records the related-record choice lists: what the search found (the remembered one first), and
 * before them the record the call came with when the search did not find it (a click on a record
 * whose object the layout does not search), so the record the Task links to is always one to see.
 */
export function recordChoices(entry: CallEntry): FoundRecord[] {
  const context = entry.contextRecord;
  if (entry.records.length === 0 || !context || entry.records.some((r) => r.recordId === context.recordId)) return entry.records;
  return [{ recordId: context.recordId, name: context.name ?? context.recordId, objectType: '' }, ...entry.records];
}
