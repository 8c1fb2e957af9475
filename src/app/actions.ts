/**
 * What the agent can do from the panel. Each action runs one acknowledged command and shows a
 * failure plainly; nothing is retried behind the agent's back.
 */
import type { BiztelLink, CommandResult, LinkError } from '../biztel/link';
import type { MessageKey } from './i18n';
import type { PanelApp } from './panel-app';
import { pushAlert, updateCall, type PanelStore } from './store';

export class PanelActions {
  constructor(
    private readonly store: PanelStore,
    private readonly link: () => BiztelLink | null,
    private readonly app: () => PanelApp,
  ) {}

  private showError(error: LinkError): void {
    pushAlert(this.store, { key: `error.${error.code}` as MessageKey, detail: error.message, tone: 'error' });
  }

  /** Runs a command with its pending flag set, showing its failure. Returns whether it worked. */
  private async run<T>(name: string, command: (link: BiztelLink) => Promise<CommandResult<T>>): Promise<T | null> {
    const link = this.link();
    if (!link) {
      this.showError({ code: 'OFFLINE', message: 'no link' });
      return null;
    }
    this.store.setState((s) => ({ pending: { ...s.pending, [name]: true } }));
    try {
      const result = await command(link);
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
    const session = await this.run('signIn', (link) => link.signIn(loginId.trim(), password));
    return session !== null;
  }

  async signOut(): Promise<void> {
    const done = await this.run('signOut', (link) => link.signOut());
    if (done) this.store.setState({ session: null, signedOutReason: null });
  }

  async setStatus(statusId: string): Promise<void> {
    await this.run('setStatus', (link) => link.command('setStatus', { statusId }));
  }

  async answer(callId: string): Promise<void> {
    await this.run('answer', (link) => link.command('answer', { callId }));
  }

  async decline(callId: string): Promise<void> {
    await this.run('decline', (link) => link.command('decline', { callId }));
  }

  async hangup(callId: string): Promise<void> {
    await this.run('hangup', (link) => link.command('hangup', { callId }));
  }

  setNotes(callId: string, notes: string): void {
    updateCall(this.store, callId, () => ({ notes: notes.slice(0, 32_000) }));
    this.app().logger.changed(callId, true);
  }

  /** The agent picks the record a call belongs to among several matches: links the log, no pop. */
  chooseRecord(callId: string, recordId: string | null): void {
    updateCall(this.store, callId, () => ({ chosenRecordId: recordId }));
    this.app().logger.changed(callId);
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
}
