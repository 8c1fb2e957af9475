/**
 * What the agent can do from the panel. Each action runs one acknowledged command and shows a
 * failure plainly; nothing is retried behind the agent's back.
 */
import type { CommandResult, LinkError } from '../biztel/link';
import { normaliseNumber, searchDigits } from '../domain/phone';
import type { NavigationInfo } from '../salesforce/types';
import type { Lang } from '../domain/call-log';
import type { MessageKey } from './i18n';
import { chooseLanguage } from './language';
import type { CommandPort } from './port';
import { pushAlert, updateCall, type PanelStore } from './store';

export class PanelActions {
  constructor(
    private readonly store: PanelStore,
    private readonly port: () => CommandPort | null,
    /** The record the agent has open in this tab (screen transfer travels with it). */
    private readonly navigation: () => NavigationInfo | null,
  ) {}

  private showError(error: LinkError): void {
    pushAlert(this.store, { key: `error.${error.code}` as MessageKey, detail: error.message, tone: 'error' });
  }

  /** Runs a command with its pending flag set, showing its failure. Returns whether it worked. */
  private async run<T>(name: string, command: (port: CommandPort) => Promise<CommandResult<T>>): Promise<T | null> {
    const port = this.port();
    if (!port) {
      this.showError({ code: 'OFFLINE', message: 'The panel is still starting.' });
      return null;
    }
    this.store.setState((s) => ({ pending: { ...s.pending, [name]: true } }));
    try {
      const result = await command(port);
      if (!result.ok) {
        this.showError(result.error);
        return null;
      }
      return result.data;
    } finally {
      this.store.setState((s) => ({ pending: { ...s.pending, [name]: false } }));
    }
  }

  async signIn(loginId: string, password: string): Promise<boolean> {
    if (loginId.trim() === '' || password === '') {
      pushAlert(this.store, { key: 'signIn.required', tone: 'error' });
      return false;
    }
    this.dismissAlerts();
    // After the Salesforce session expired (§9), sign in only once Salesforce answers again.
    if (this.store.getState().salesforceSession === 'expired' && !(await this.port()?.checkSalesforce())) {
      pushAlert(this.store, { key: 'signedOut.salesforceSession', tone: 'error' });
      return false;
    }
    const session = await this.run('signIn', (port) => port.signIn(loginId.trim(), password));
    return session !== null;
  }

  async signOut(): Promise<void> {
    const done = await this.run('signOut', (port) => port.signOut());
    if (done) this.store.setState({ session: null, signedOutReason: null });
  }

  async setStatus(statusId: string): Promise<void> {
    await this.run('setStatus', (port) => port.command('setStatus', { statusId }));
  }

  async answer(callId: string): Promise<void> {
    await this.run('answer', (port) => port.command('answer', { callId }));
  }

  async decline(callId: string): Promise<void> {
    await this.run('decline', (port) => port.command('decline', { callId }));
  }

  async hangup(callId: string): Promise<void> {
    await this.run('hangup', (port) => port.command('hangup', { callId }));
  }

  /**
   * Places a call from what the agent typed (or clicked in Salesforce). The number is normalised
   * first; anything that is not a dialable number gets a clear message and no call.
   */
  async dial(input: string, context: { recordId: string; name: string | null } | null = null): Promise<boolean> {
    const number = normaliseNumber(input);
    if (!number.ok) {
      pushAlert(this.store, { key: `dial.invalid.${number.reason}`, params: { number: input.slice(0, 40) }, tone: 'error' });
      return false;
    }
    const callerId = this.store.getState().session?.agent.callerId ?? undefined;
    this.port()?.expectPlacedCall(context);
    const request = callerId ? { number: number.digits, callerId } : { number: number.digits };
    const call = await this.run('dial', (port) => port.command('dial', request));
    if (!call) this.port()?.expectPlacedCall(null);
    return call !== null;
  }

  /**
   * What the agent types in the dial pad. The click-to-call record stays only while the digits are
   * still the number that was clicked: edited to another number, the call is no longer that record's.
   */
  setDialDraft(value: string, context?: { recordId: string; name: string | null } | null): void {
    const draft = value.slice(0, 60);
    const digits = searchDigits(draft);
    this.store.setState((s) => {
      if (context !== undefined) return { dialDraft: draft, dialDraftContext: context && digits ? { ...context, digits } : null };
      const kept = s.dialDraftContext && digits === s.dialDraftContext.digits ? s.dialDraftContext : null;
      return { dialDraft: draft, dialDraftContext: kept };
    });
  }

  dialContext(): { recordId: string; name: string | null } | null {
    const context = this.store.getState().dialDraftContext;
    return context ? { recordId: context.recordId, name: context.name } : null;
  }

  async hold(callId: string): Promise<void> {
    await this.run('hold', (port) => port.command('hold', { callId }));
  }

  async unhold(callId: string): Promise<void> {
    await this.run('unhold', (port) => port.command('unhold', { callId }));
  }

  async park(callId: string): Promise<void> {
    await this.run('park', (port) => port.command('park', { callId }));
  }

  async unpark(callId: string): Promise<void> {
    await this.run('unpark', (port) => port.command('unpark', { callId }));
  }

  async sendTones(callId: string, digits: string): Promise<void> {
    await this.run('dtmf', (port) => port.command('dtmf', { callId, digits }));
  }

  /**
   * Transfers to an agent (login ID), an extension or an outside number. The record the agent has
   * open in Salesforce travels with the call (画面転送) and pops at the receiving agent.
   */
  async transfer(callId: string, target: string, mode: 'blind' | 'consult'): Promise<boolean> {
    const trimmed = target.trim();
    if (trimmed === '') {
      pushAlert(this.store, { key: 'transfer.targetRequired', tone: 'error' });
      return false;
    }
    const open = this.navigation();
    const request = {
      callId,
      target: trimmed.slice(0, 40),
      mode,
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
    return (await this.run('transfer', (port) => port.command('transfer', request))) !== null;
  }

  async completeTransfer(callId: string): Promise<void> {
    await this.run('completeTransfer', (port) => port.command('completeTransfer', { callId }));
  }

  async cancelTransfer(callId: string): Promise<void> {
    await this.run('cancelTransfer', (port) => port.command('cancelTransfer', { callId }));
  }

  /** The caller ID for the next outbound calls; the server remembers it for the agent. */
  async setCallerId(number: string): Promise<void> {
    await this.run('setCallerId', (port) => port.command('setCallerId', { number }));
  }

  setNotes(callId: string, notes: string): void {
    const text = notes.slice(0, 32_000);
    updateCall(this.store, callId, () => ({ notes: text }));
    this.port()?.updateCall(callId, { notes: text });
  }

  /** The call's result (CallDisposition) as the agent types it, during or after the call. */
  setDisposition(callId: string, disposition: string): void {
    const text = disposition.slice(0, 255);
    updateCall(this.store, callId, () => ({ disposition: text }));
    this.port()?.updateCall(callId, { disposition: text });
  }

  /** The agent picks the record a call belongs to among several matches: links the log, no pop. */
  chooseRecord(callId: string, recordId: string | null): void {
    updateCall(this.store, callId, () => ({ chosenRecordId: recordId }));
    this.port()?.updateCall(callId, { chosenRecordId: recordId });
  }

  dismissCall(callId: string): void {
    this.store.setState((s) => (s.activeCallId === callId ? { activeCallId: null } : s));
  }

  dismissAlert(id: number): void {
    this.store.setState((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) }));
  }

  dismissAlerts(): void {
    this.store.setState({ alerts: [] });
  }

  /** The agent's language for this panel (null: the Salesforce user's). Kept in this browser. */
  setLanguage(choice: Lang | null): void {
    chooseLanguage(this.store, choice);
  }
}
