/**
 * What the panel does in Salesforce when a call changes: the screen-pop policy carried out
 * (search and pop, link without navigating, pop a screen-transferred record) and the call log. The
 * record the agent chose for the number before is offered first among what the search found.
 */
import type { Call } from '../../protocol';
import { isNewLeg, newerCall, talkSeconds } from '../../domain/call';
import { shouldLog } from '../../domain/call-log';
import { decidePop, type PopDecision, type PopMoment } from '../../domain/pop-policy';
import { HostError, type FoundRecord, type SearchRequest, type SearchResult } from '../../salesforce/types';
import type { CallLogger } from '../call-log';
import { newCallEntry, selectCaps, type CallEntry, type ContextRecord, type PanelStore } from '../store';
import type { Popper } from './pop-router';
import type { RecordMemory } from './record-memory';

/**
 * The record a call comes with: the screen-transferred one (the record the sender had open), else the
 * one the sending agent linked the call to (the hand-over), else what the caller of this gave.
 */
function carriedRecord(call: Call, otherwise: ContextRecord | null): ContextRecord | null {
  const screen = call.screenTransfer;
  if (screen) return { recordId: screen.recordId, name: screen.recordName ?? null };
  const handed = call.handover?.record;
  return handed ? { recordId: handed.recordId, name: handed.name ?? null } : otherwise;
}

function newEntry(call: Call, placedContext: ContextRecord | null): CallEntry {
  return newCallEntry(call, carriedRecord(call, placedContext));
}

/** A failed Salesforce search is tried again this many times (1 s, 2 s, 4 s, 8 s, 16 s): the call's link to its record depends on it. */
const SEARCH_RETRIES = 5;
const searchBackoffMs = (attempt: number) => 1000 * 2 ** (attempt - 1);

/**
 * The call came to this agent again (consulted again after a cancel, transferred back): the new leg
 * rings and pops afresh, while what the agent added (notes, the related record) and the Task stay.
 */
function nextLeg(previous: CallEntry, call: Call): CallEntry {
  return {
    ...previous,
    call,
    searched: false,
    popped: false,
    noPop: null,
    contextRecord: carriedRecord(call, previous.contextRecord),
    earlierTalkSeconds: previous.earlierTalkSeconds + (shouldLog(previous.call) ? talkSeconds(previous.call) : 0),
    // The Task written for the earlier leg is rewritten when this one ends; until then it is not this leg's.
    log: previous.log.status === 'saved' ? { ...previous.log, status: 'none' } : previous.log,
  };
}

/** The moments of the pop policy that this change of a call passes through. */
function momentsOf(previous: Call | undefined, next: Call): PopMoment[] {
  const moments: PopMoment[] = [];
  if (!previous) {
    if (next.state === 'ringing') moments.push('ring');
    else if (next.state === 'dialing' || (next.placedByAgent && next.state !== 'ended')) moments.push('dial');
  }
  if ((previous?.connectedAt ?? null) === null && next.connectedAt !== null && next.state !== 'ended' && (previous || next.placedByAgent)) {
    moments.push('answer');
  }
  return moments;
}

export class CallEffects {
  /** Per call, the pops in order: the ring search finishes before the answer pop. */
  private readonly queues = new Map<string, Promise<void>>();
  /** The deferred search of a call that pops at answer: what it found pops then (SCREEN_POP_DATA). */
  private readonly popLater = new Map<string, { request: SearchRequest; result: SearchResult }>();
  /** The record a call the agent is placing belongs to (click-to-call), until that call shows up. */
  private placedContext: ContextRecord | null = null;
  /** Failed searches per call, and the timers that try them again. */
  private readonly searchFailures = new Map<string, number>();
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  expectPlacedCall(context: ContextRecord | null): void {
    this.placedContext = context;
  }

  constructor(
    private readonly store: PanelStore,
    private readonly popper: Popper,
    private readonly logger: CallLogger,
    private readonly onSalesforceError: (error: HostError) => void = () => {},
    /** The records this agent chose for numbers before (offered first); none in tests that leave it out. */
    private readonly memory: RecordMemory | null = null,
  ) {}

  /**
   * A view of a call from the server. `live` is false for calls in a snapshot (after sign-in or a
   * resync): they are tracked and logged, but their past moments are not popped again.
   */
  onCall(next: Call, live: boolean): void {
    const state = this.store.getState();
    const previous = state.shared.calls[next.callId];
    // A call this panel ended itself gives way to the server's own view of it, of the same leg.
    const serverView = previous?.endedLocally === true && next.startedAt === previous.call.startedAt && next.rev >= previous.call.rev;
    const merged = serverView ? next : newerCall(previous?.call, next);
    if (previous && merged === previous.call) return; // stale or repeated
    const again = previous !== undefined && isNewLeg(previous.call, merged);
    let entry: CallEntry;
    if (previous) entry = again ? nextLeg(previous, merged) : { ...previous, call: merged, endedLocally: false };
    else {
      entry = newEntry(merged, live && merged.placedByAgent ? this.placedContext : null);
      // Heard of only after it ended: another panel may have logged it with notes this one never saw.
      if (!live && merged.state === 'ended') entry = { ...entry, logFillOnly: true };
      if (merged.placedByAgent) this.placedContext = null;
    }
    state.callChanged(entry);
    // What this leg was before this view (nothing, for a leg seen for the first time).
    const before = again ? undefined : previous?.call;

    if (live) for (const moment of momentsOf(before, merged)) this.enqueue(merged.callId, () => this.pop(merged.callId, moment));

    const ended = merged.state === 'ended' && before?.state !== 'ended';
    // The Task now, with what is known (within 2 s of the end), not behind a Salesforce search
    // that may take up to its 15 s timeout; the search's answer then updates the same Task.
    if (ended) {
      this.logger.callEnded(merged.callId);
      this.popLater.delete(merged.callId); // never answered here: nothing pops any more
    }
    else if (merged.state === 'ended' && before && before.recordingUrl !== merged.recordingUrl) this.logger.changed(merged.callId);
  }

  /**
   * The link dropped and the server has forgotten the session (it restarted): the calls still up end
   * here, at the moment the link dropped (`endedAtPbx`, the PBX's clock), and are logged at once with
   * their talk time up to then and the record they were linked to. The server's own later view of a
   * call replaces this ending and rewrites the same Task.
   */
  endLive(endedAtPbx: number, only?: ReadonlySet<string>): void {
    for (const entry of Object.values(this.store.getState().shared.calls)) {
      if (entry.call.state === 'ended' || (only && !only.has(entry.call.callId))) continue;
      const endedAt = Math.max(endedAtPbx, entry.call.connectedAt ?? entry.call.startedAt);
      const call: Call = { ...entry.call, state: 'ended', endReason: 'failed', endedAt, consult: null, parkNumber: null };
      this.store.getState().callChanged({ ...entry, call, endedLocally: true });
      this.popLater.delete(call.callId);
      this.logger.callEnded(call.callId);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  /** The records found, the one this agent chose for the number before (if found again) first. */
  private withRemembered(call: Call, records: FoundRecord[]): Pick<CallEntry, 'records' | 'rememberedRecordId'> {
    const remembered = this.memory?.recall(call) ?? null;
    const found = records.find((r) => r.recordId === remembered);
    if (!found) return { records, rememberedRecordId: null };
    return { records: [found, ...records.filter((r) => r !== found)], rememberedRecordId: found.recordId };
  }

  private enqueue(callId: string, work: () => Promise<void>): void {
    const previous = this.queues.get(callId);
    // Nothing before it: start now, so the search leaves for Salesforce before React renders the ring
    // (a render queued by the same store change would otherwise run first, in the microtask before).
    const next = (previous ? previous.then(work) : work()).catch(() => {});
    this.queues.set(callId, next);
    void next.then(() => {
      if (this.queues.get(callId) === next) this.queues.delete(callId);
    });
  }

  private update(callId: string, change: (entry: CallEntry) => Partial<CallEntry>): void {
    this.store.getState().callUpdated(callId, change);
  }

  private async pop(callId: string, moment: PopMoment): Promise<void> {
    const state = this.store.getState();
    const entry = state.shared.calls[callId];
    const caps = selectCaps(state);
    if (!entry || !caps || !state.frame.hostKind || this.stopped) return;
    const decided = decidePop(
      { call: entry.call, moment },
      { host: state.frame.hostKind, caps, settings: state.shared.session?.settings ?? {}, legacyPopupMode: state.frame.legacyPopupMode },
    );
    if (decided.kind === 'none') {
      if (!entry.popped && !entry.searched) this.update(callId, () => ({ noPop: decided.reason }));
      return;
    }
    // A call that has ended by now (its ring was replayed after a reconnect, or the caller gave up
    // before the pop ran) must not navigate the agent anywhere; its search still links the log.
    let decision: PopDecision = decided;
    if (entry.call.state === 'ended') {
      if (decided.kind === 'popRecord' || entry.searched) return;
      if (decided.kind === 'pop') decision = { kind: 'link', callType: decided.callType, searchNumber: decided.searchNumber, reason: 'timingEarlier' };
    }
    try {
      if (decision.kind === 'popRecord') {
        await this.popper.popRecord(decision.recordId);
        this.update(callId, () => ({ popped: true, noPop: null }));
        return;
      }
      const request: SearchRequest = {
        searchParams: decision.searchNumber,
        callType: decision.callType,
        deferred: decision.kind === 'link',
        callId,
      };
      const early = this.popLater.get(callId);
      this.popLater.delete(callId);
      if (decision.kind === 'pop' && early?.request.searchParams === request.searchParams && early.request.callType === request.callType) {
        // At answer: pop what the ring's deferred search found, rather than search Salesforce again.
        await this.popper.popDeferred(early.result, request);
        this.update(callId, (e) => ({ popped: true, noPop: e.records.length === 0 ? 'noMatch' : null }));
        return;
      }
      const result = await this.popper.search(request);
      const stillUp = this.store.getState().shared.calls[callId]?.call.state !== 'ended';
      if (decision.kind === 'link' && decision.reason === 'timingLater' && stillUp) this.popLater.set(callId, { request, result });
      this.update(callId, (e) => ({
        ...this.withRemembered(e.call, result.records),
        searched: true,
        popped: e.popped || decision.kind === 'pop',
        noPop: decision.kind === 'link' ? decision.reason : result.records.length === 0 ? 'noMatch' : null,
        chosenRecordId: result.records.some((r) => r.recordId === e.chosenRecordId) ? e.chosenRecordId : null,
      }));
      this.searchFailures.delete(callId);
      // The Task may have been written before this answer: link it now (the logger skips live calls).
      this.logger.changed(callId);
    } catch (error) {
      if (!(error instanceof HostError)) {
        this.update(callId, () => ({ noPop: 'salesforceError' }));
        throw error;
      }
      this.onSalesforceError(error);
      this.retrySearch(callId, moment);
    }
  }

  /**
   * A search that failed is tried again, a few times with growing pauses, so the call's Task still
   * gets its record. Each try decides afresh: it pops only if the call is still ringing or up and the
   * policy says so; once the call has ended it only links.
   */
  private retrySearch(callId: string, moment: PopMoment): void {
    const attempt = (this.searchFailures.get(callId) ?? 0) + 1;
    this.searchFailures.set(callId, attempt);
    if (attempt > SEARCH_RETRIES || this.stopped) {
      this.searchFailures.delete(callId);
      this.update(callId, () => ({ noPop: 'salesforceError' }));
      return;
    }
    this.update(callId, () => ({ noPop: 'searchRetrying' }));
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      const entry = this.store.getState().shared.calls[callId];
      if (!entry || entry.searched) return; // found meanwhile (a later moment's search)
      this.enqueue(callId, () => this.pop(callId, moment));
    }, searchBackoffMs(attempt));
    this.retries.add(timer);
  }
}
