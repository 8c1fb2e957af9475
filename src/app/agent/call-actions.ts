/**
 * What a signed-in agent does: the calls, the dial pad, the status, what is typed into a call. Loaded
 * with the signed-in views (Panel.callActions), after the first screen.
 */
import { normaliseNumber, searchDigits } from '../../domain/phone';
import { TASK_LIMITS } from '../../domain/task-field-limits';
import { HANDOVER_LIMITS, type Handover } from '../../protocol';
import { linkedRecordOf, typedField, type ContextRecord } from '../store';
import { AgentActions } from './actions';

export class CallActions extends AgentActions {
  async signOut(): Promise<void> {
    await this.run('signOut', (port) => port.signOut());
  }

  async setStatus(statusId: string): Promise<void> {
    await this.run('setStatus', (port) => port.command('setStatus', { statusId }));
  }

  async answer(callId: string): Promise<void> {
    await this.run('answer', (port) => port.command('answer', { callId }), { kind: 'call', callId });
  }

  async decline(callId: string): Promise<void> {
    await this.run('decline', (port) => port.command('decline', { callId }), { kind: 'call', callId });
  }

  async hangup(callId: string): Promise<void> {
    await this.run('hangup', (port) => port.command('hangup', { callId }), { kind: 'call', callId });
  }

  /**
   * Places a call from what the agent typed (or clicked in Salesforce). The number is normalised
   * first; anything that is not a dialable number gets a clear message and no call.
   */
  async dial(input: string, context: ContextRecord | null = null): Promise<boolean> {
    const number = normaliseNumber(input);
    if (!number.ok) {
      this.alert({ key: `dial.invalid.${number.reason}`, params: { number: input.slice(0, 40) }, tone: 'error', cause: { kind: 'field', field: 'dialNumber' } });
      return false;
    }
    const callerId = this.store.getState().shared.session?.agent.callerId ?? undefined;
    this.port()?.expectPlacedCall(context);
    const request = callerId ? { number: number.digits, callerId } : { number: number.digits };
    const call = await this.run('dial', (port) => port.command('dial', request), { kind: 'field', field: 'dialNumber' });
    if (!call) this.port()?.expectPlacedCall(null);
    return call !== null;
  }

  /**
   * What the agent types in the dial pad. The click-to-call record stays only while the digits are
   * still the number that was clicked: edited to another number, the call is no longer that record's.
   */
  setDialDraft(value: string, context?: ContextRecord | null): void {
    const draft = value.slice(0, 60);
    const digits = searchDigits(draft);
    const { local, dialDraftChanged } = this.store.getState();
    if (context !== undefined) {
      dialDraftChanged(draft, context && digits ? { ...context, digits } : null);
      return;
    }
    const kept = local.dialDraftContext && digits === local.dialDraftContext.digits ? local.dialDraftContext : null;
    dialDraftChanged(draft, kept);
  }

  dialContext(): ContextRecord | null {
    const context = this.store.getState().local.dialDraftContext;
    return context ? { recordId: context.recordId, name: context.name } : null;
  }

  async hold(callId: string): Promise<void> {
    await this.run('hold', (port) => port.command('hold', { callId }), { kind: 'call', callId });
  }

  async unhold(callId: string): Promise<void> {
    await this.run('unhold', (port) => port.command('unhold', { callId }), { kind: 'call', callId });
  }

  /** Parks the call; the hand-over goes with it, for a server where another agent can pick the park up. */
  async park(callId: string): Promise<void> {
    const handover = this.handover(callId);
    await this.run('park', (port) => port.command('park', { callId, ...(handover ? { handover } : {}) }), { kind: 'call', callId });
  }

  async unpark(callId: string): Promise<void> {
    await this.run('unpark', (port) => port.command('unpark', { callId }), { kind: 'call', callId });
  }

  async sendTones(callId: string, digits: string): Promise<void> {
    await this.run('dtmf', (port) => port.command('dtmf', { callId, digits }), { kind: 'call', callId });
  }

  /**
   * The hand-over (申し送り) the receiving agent sees: this agent's notes and result so far, as typed in
   * this tab, and the record the call is linked to. Read-only over there, and never their result.
   */
  private handover(callId: string): Handover | undefined {
    const state = this.store.getState();
    const entry = state.shared.calls[callId];
    if (!entry) return undefined;
    const record = linkedRecordOf(entry);
    return {
      notes: typedField(state, callId, 'notes').slice(0, HANDOVER_LIMITS.notes),
      result: typedField(state, callId, 'disposition').slice(0, HANDOVER_LIMITS.result),
      record: record
        ? {
            recordId: record.recordId,
            ...(record.name ? { name: record.name.slice(0, 255) } : {}),
            ...(record.objectType ? { objectType: record.objectType.slice(0, 80) } : {}),
          }
        : null,
    };
  }

  /**
   * Transfers to an agent (login ID), an extension or an outside number. The record the agent has
   * open in Salesforce travels with the call (画面転送) and pops at the receiving agent; the hand-over
   * (notes, result, record) goes with it too.
   */
  async transfer(callId: string, target: string, mode: 'blind' | 'consult'): Promise<boolean> {
    const trimmed = target.trim();
    if (trimmed === '') {
      this.alert({ key: 'transfer.targetRequired', tone: 'error', cause: { kind: 'field', field: 'transferTarget', callId } });
      return false;
    }
    const open = this.deps.navigation();
    const handover = this.handover(callId);
    const request = {
      callId,
      target: trimmed.slice(0, 40),
      mode,
      ...(handover ? { handover } : {}),
      ...(open?.recordId
        ? {
            screen: {
              recordId: open.recordId,
              ...(open.recordName ? { recordName: open.recordName.slice(0, 200) } : {}),
              ...(open.objectType ? { objectType: open.objectType.slice(0, 80) } : {}),
            },
          }
        : {}),
    };
    return (await this.run('transfer', (port) => port.command('transfer', request), { kind: 'field', field: 'transferTarget', callId })) !== null;
  }

  /** Completes a consult; the hand-over goes again, with what the agent wrote while consulting. */
  async completeTransfer(callId: string): Promise<void> {
    const handover = this.handover(callId);
    await this.run('completeTransfer', (port) => port.command('completeTransfer', { callId, ...(handover ? { handover } : {}) }), { kind: 'call', callId });
  }

  async cancelTransfer(callId: string): Promise<void> {
    await this.run('cancelTransfer', (port) => port.command('cancelTransfer', { callId }), { kind: 'call', callId });
  }

  /** The caller ID for the next outbound calls; the server remembers it for the agent. */
  async setCallerId(number: string): Promise<void> {
    await this.run('setCallerId', (port) => port.command('setCallerId', { number }));
  }

  /**
   * What the agent types into a call. The leader writes the call itself; a follower shows it as a
   * draft here and sends it to the leader, whose state then carries it (one writer for the call).
   */
  private typed(callId: string, change: { notes: string } | { disposition: string }): void {
    const { local, drafted } = this.store.getState();
    if (local.role === 'follower') drafted(callId, change);
    this.port()?.updateCall(callId, change);
  }

  setNotes(callId: string, notes: string): void {
    this.typed(callId, { notes: notes.slice(0, TASK_LIMITS.Description) });
  }

  /** The call's result (CallDisposition) as the agent types it, during or after the call. */
  setDisposition(callId: string, disposition: string): void {
    this.typed(callId, { disposition: disposition.slice(0, TASK_LIMITS.CallDisposition) });
  }

  /** The agent picks the record a call belongs to among several matches: links the log, no pop. */
  chooseRecord(callId: string, recordId: string | null): void {
    this.port()?.updateCall(callId, { chosenRecordId: recordId });
  }

  dismissCall(callId: string): void {
    this.store.getState().callDismissed(callId);
  }
}
