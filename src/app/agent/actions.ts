/**
 * What the agent can do from the panel. Each action runs one acknowledged command and shows a
 * failure plainly; nothing is retried behind the agent's back.
 */
import type { CommandResult, LinkError } from '../../biztel/link';
import type { Lang } from '../../domain/call-log';
import { normaliseNumber, searchDigits } from '../../domain/phone';
import { TASK_LIMITS } from '../../domain/task-field-limits';
import type { NavigationInfo } from '../../salesforce/types';
import type { CommandPort } from '../leader';
import { saveLanguageOverride } from '../platform';
import type { Alert, ContextRecord, PanelStore } from '../store';

export interface AgentDeps {
  store: PanelStore;
  /** The BIZTEL side: this panel's link when it leads, the leader's through the group when it follows. */
  port: () => CommandPort | null;
  /** The record the agent has open in this tab (screen transfer travels with it). */
  navigation: () => NavigationInfo | null;
  /** Signs in from this panel, taking the leadership first when another panel holds it. */
  signIn: (loginId: string, password: string) => Promise<CommandResult<unknown>>;
  /** Loads a language's texts before the panel switches to it. */
  loadLanguage: (lang: Lang) => Promise<void>;
}

export class AgentActions {
  constructor(private readonly deps: AgentDeps) {}

  private get store(): PanelStore {
    return this.deps.store;
  }

  private port(): CommandPort | null {
    return this.deps.port();
  }

  private alert(alert: Omit<Alert, 'id'>): void {
    this.store.getState().alertShown(alert);
  }

  private showError(error: LinkError): void {
    this.alert({ key: `error.${error.code}`, detail: error.message, tone: 'error' });
  }

  /** Runs a command with its pending flag set, showing its failure. Returns whether it worked. */
  private async run<T>(name: string, command: (port: CommandPort) => Promise<CommandResult<T>>): Promise<T | null> {
    const port = this.port();
    if (!port) {
      this.showError({ code: 'OFFLINE', message: 'The panel is still starting.' });
      return null;
    }
    const { commandPending } = this.store.getState();
    commandPending(name, true);
    try {
      const result = await command(port);
      if (!result.ok) {
        this.showError(result.error);
        return null;
      }
      return result.data;
    } finally {
      commandPending(name, false);
    }
  }

  async signIn(loginId: string, password: string): Promise<boolean> {
    if (loginId.trim() === '' || password === '') {
      this.alert({ key: 'signIn.required', tone: 'error' });
      return false;
    }
    this.dismissAlerts();
    // After the Salesforce session expired, sign in only once Salesforce answers again.
    if (this.store.getState().shared.salesforceSession === 'expired' && !(await this.port()?.checkSalesforce())) {
      this.alert({ key: 'signedOut.salesforceSession', tone: 'error' });
      return false;
    }
    const session = await this.run('signIn', () => this.deps.signIn(loginId.trim(), password));
    return session !== null;
  }

  async signOut(): Promise<void> {
    await this.run('signOut', (port) => port.signOut());
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
  async dial(input: string, context: ContextRecord | null = null): Promise<boolean> {
    const number = normaliseNumber(input);
    if (!number.ok) {
      this.alert({ key: `dial.invalid.${number.reason}`, params: { number: input.slice(0, 40) }, tone: 'error' });
      return false;
    }
    const callerId = this.store.getState().shared.session?.agent.callerId ?? undefined;
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
      this.alert({ key: 'transfer.targetRequired', tone: 'error' });
      return false;
    }
    const open = this.deps.navigation();
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

  dismissAlert(id: number): void {
    this.store.getState().alertDismissed(id);
  }

  dismissAlerts(): void {
    this.store.getState().alertsCleared();
  }

  /** The agent's language for this panel (null: the Salesforce user's). Kept in this browser. */
  async setLanguage(choice: Lang | null): Promise<void> {
    saveLanguageOverride(choice);
    await this.deps.loadLanguage(choice ?? this.store.getState().frame.salesforceLang);
    this.store.getState().languageChosen(choice);
  }
}
