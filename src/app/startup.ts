/**
 * Start-up inside Salesforce (§7.1, §7.2 ① ②, §9): the call center settings (Open CTI works), the
 * Salesforce user from the package's Apex (the profile has the class), and the BIZTEL server URL.
 *
 * getUserInfo failing is not always ②: an expired Salesforce session (SERVER_ERROR) looks the same
 * from here, and telling the admin to fix a profile that is fine sends them the wrong way. So a
 * session error shows the §9 message and is tried again until Salesforce answers; any other error
 * is ② (no access to the class or the page), with what Salesforce said.
 */
import { HostError, type CtiHost } from '../salesforce/types';
import { APEX_CLASS, APEX_METHODS, CALL_CENTER_ITEMS } from './config';
import { errorText, isSessionError } from './salesforce-errors';
import { checkServerUrl } from './server-url';
import type { PanelStore, StartupFailure } from './store';

export interface StartupInfo {
  userId: string;
  /** The Salesforce user's language (`ja`, `en_US`…), when the Apex class says. */
  language: string | null;
  settings: Record<string, string>;
  serverUrl: string;
}

export interface StartupOptions {
  /** How often to look again while the Salesforce session is gone. */
  sessionRetryMs?: number;
  /** True once the panel is being torn down: stop looking. */
  stopped: () => boolean;
  /** Called once before the first wait: Salesforce must hear the panel is up even while it waits. */
  waiting: () => void;
}

export type StartupResult = { ok: true; info: StartupInfo } | { ok: false; failure: StartupFailure };

export async function readStartup(host: CtiHost, store: PanelStore, options: StartupOptions): Promise<StartupResult> {
  let settings: Record<string, string>;
  try {
    settings = await host.getCallCenterSettings();
  } catch (error) {
    return { ok: false, failure: { kind: 'openCtiUnavailable', detail: errorText(error) } };
  }
  const user = await readUser(host, store, options);
  if ('kind' in user) return { ok: false, failure: user };
  const checked = checkServerUrl(settings[CALL_CENTER_ITEMS.serverUrl]);
  if (!checked.ok) return { ok: false, failure: checked.failure };
  return { ok: true, info: { ...user, settings, serverUrl: checked.url } };
}

async function readUser(host: CtiHost, store: PanelStore, options: StartupOptions): Promise<{ userId: string; language: string | null } | StartupFailure> {
  let waited = false;
  for (;;) {
    try {
      const user = parseUserInfo(await host.runApex(APEX_CLASS, APEX_METHODS.getUserInfo, {}));
      if (waited) store.setState({ phase: 'starting', failure: null }); // Salesforce is back: carry on
      return user;
    } catch (error) {
      if (!isSessionError(error) || options.stopped()) return { kind: 'apexAccess', detail: errorText(error) };
      if (!waited) options.waiting();
      waited = true;
      store.setState({ phase: 'failed', failure: { kind: 'salesforceSession', detail: errorText(error) } });
      await new Promise((resolve) => setTimeout(resolve, options.sessionRetryMs ?? 3000));
      if (options.stopped()) return { kind: 'salesforceSession', detail: errorText(error) };
    }
  }
}

function parseUserInfo(text: string): { userId: string; language: string | null } {
  let info: { userId?: unknown; language?: unknown };
  try {
    info = JSON.parse(text) as typeof info;
  } catch {
    throw new HostError('BAD_RESPONSE', 'getUserInfo did not answer JSON.');
  }
  if (typeof info?.userId !== 'string' || info.userId === '') throw new HostError('BAD_RESPONSE', 'getUserInfo returned no user id.');
  return { userId: info.userId, language: typeof info.language === 'string' ? info.language : null };
}

