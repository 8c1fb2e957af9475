/**
 * What the agent can do from the panel. Each action runs one acknowledged command and shows a
 * failure plainly; nothing is retried behind the agent's back. Here what the first screen needs
 * (signing in, the alerts, the language); what a signed-in agent does is in call-actions.ts, which
 * loads with the signed-in views.
 */
import type { CommandResult, LinkError } from '../../biztel/link';
import type { Lang } from '../../domain/call-log';
import type { NavigationInfo } from '../../salesforce/types';
import type { CommandPort } from '../leader';
import { saveLanguageOverride } from '../platform';
import type { Alert, AlertCause, AlertField, PanelStore } from '../store';

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
  constructor(protected readonly deps: AgentDeps) {}

  protected get store(): PanelStore {
    return this.deps.store;
  }

  protected port(): CommandPort | null {
    return this.deps.port();
  }

  protected alert(alert: Omit<Alert, 'id'>): void {
    this.store.getState().alertShown(alert);
  }

  /**
   * A failed command, said with its cause so that it goes when that is over: the link, the phone,
   * the BIZTEL session, else what the command was about (`scope`: its call, a field, the agent).
   */
  private showError(error: LinkError, scope: AlertCause): void {
    const cause: AlertCause =
      error.code === 'OFFLINE'
        ? { kind: 'link' }
        : error.code === 'PHONE_NOT_REGISTERED'
          ? { kind: 'phone' }
          : error.code === 'SESSION_EXPIRED' || error.code === 'NOT_SIGNED_IN'
            ? { kind: 'signIn' }
            : scope;
    this.alert({ key: `error.${error.code}`, detail: error.message, tone: 'error', cause });
  }

  /** Runs a command with its pending flag set, showing its failure. Returns whether it worked. */
  protected async run<T>(name: string, command: (port: CommandPort) => Promise<CommandResult<T>>, scope: AlertCause = { kind: 'agent' }): Promise<T | null> {
    const port = this.port();
    if (!port) {
      this.showError({ code: 'OFFLINE', message: 'The panel is still starting.' }, scope);
      return null;
    }
    const { commandPending } = this.store.getState();
    commandPending(name, true);
    try {
      const result = await command(port);
      if (!result.ok) {
        this.showError(result.error, scope);
        return null;
      }
      return result.data;
    } finally {
      commandPending(name, false);
    }
  }

  async signIn(loginId: string, password: string): Promise<boolean> {
    if (loginId.trim() === '' || password === '') {
      this.alert({ key: 'signIn.required', tone: 'error', cause: { kind: 'field', field: 'signIn' } });
      return false;
    }
    this.store.getState().alertsResolved({ kind: 'field', field: 'signIn' });
    // After the Salesforce session expired, sign in only once Salesforce answers again.
    if (this.store.getState().shared.salesforceSession === 'expired' && !(await this.port()?.checkSalesforce())) {
      this.alert({ key: 'signedOut.salesforceSession', tone: 'error', cause: { kind: 'salesforce', what: 'session' } });
      return false;
    }
    const session = await this.run('signIn', () => this.deps.signIn(loginId.trim(), password), { kind: 'field', field: 'signIn' });
    return session !== null;
  }

  dismissAlert(id: number): void {
    this.store.getState().alertDismissed(id);
  }

  dismissAlerts(): void {
    this.store.getState().alertsCleared();
  }

  /** The agent typed into a field: what an alert said of its earlier value is over. */
  fieldEdited(field: AlertField): void {
    this.store.getState().alertsResolved({ kind: 'field', field });
  }

  /** The agent's language for this panel (null: the Salesforce user's). Kept in this browser. */
  async setLanguage(choice: Lang | null): Promise<void> {
    saveLanguageOverride(choice);
    await this.deps.loadLanguage(choice ?? this.store.getState().frame.salesforceLang);
    this.store.getState().languageChosen(choice);
  }
}
