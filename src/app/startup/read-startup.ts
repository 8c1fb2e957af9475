/**
 * Start-up inside Salesforce: the call center settings (Open CTI works), the Salesforce user from the
 * package's Apex (the profile has the class), and the BIZTEL server URL.
 *
 * getUserInfo failing is not always a missing permission: an expired Salesforce session (SERVER_ERROR)
 * looks the same from here, and telling the admin to fix a profile that is fine sends them the wrong
 * way. So a session error shows the session message and is tried again until Salesforce answers; any
 * other error is the permission failure, with what Salesforce said.
 */
import * as z from 'zod/mini';
import { APEX_CLASS, APEX_METHODS, CALL_CENTER_ITEMS } from '../../salesforce/package-names';
import { HostError, type CtiHost } from '../../salesforce/types';
import { errorText, isSessionError } from '../platform';
import type { FrameFailure, PanelStore } from '../store';
import { checkServerUrl } from './server-url';

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
  /**
   * The BIZTEL server's URL, as soon as the call center settings give a valid one: the panel can
   * start connecting while Salesforce still answers for the user (a round trip to Salesforce).
   */
  onServerUrl?: (url: string) => void;
}

/** A failure after Salesforce named the user's language carries it, so the failure is said in it. */
export type StartupResult = { ok: true; info: StartupInfo } | { ok: false; failure: FrameFailure; language?: string | null };

const userInfoSchema = z.looseObject({
  userId: z.string().check(z.minLength(1), z.maxLength(18)),
  language: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
});

export async function readStartup(host: CtiHost, store: PanelStore, options: StartupOptions): Promise<StartupResult> {
  // The two questions go to Salesforce at once (the user's costs a round trip to its servers); the
  // settings' answer still decides first, as it did when they were asked one after the other.
  let settingsFailed = false;
  const userRead = readUser(host, store, { ...options, stopped: () => settingsFailed || options.stopped() });
  let settings: Record<string, string>;
  try {
    settings = await host.getCallCenterSettings();
  } catch (error) {
    settingsFailed = true;
    return { ok: false, failure: { kind: 'openCtiUnavailable', detail: errorText(error) } };
  }
  const checked = checkServerUrl(settings[CALL_CENTER_ITEMS.serverUrl]);
  if (checked.ok) options.onServerUrl?.(checked.url);
  const user = await userRead;
  if ('kind' in user) return { ok: false, failure: user };
  if (!checked.ok) return { ok: false, failure: checked.failure, language: user.language };
  return { ok: true, info: { ...user, settings, serverUrl: checked.url } };
}

async function readUser(host: CtiHost, store: PanelStore, options: StartupOptions): Promise<{ userId: string; language: string | null } | FrameFailure> {
  let waited = false;
  for (;;) {
    try {
      const user = parseUserInfo(await host.runApex(APEX_CLASS, APEX_METHODS.getUserInfo, {}));
      if (waited) store.getState().frameRetrying(); // Salesforce is back: carry on
      return user;
    } catch (error) {
      if (!isSessionError(error) || options.stopped()) return { kind: 'apexAccess', detail: errorText(error) };
      waited = true;
      store.getState().frameFailed({ kind: 'salesforceSession', detail: errorText(error) });
      await new Promise((resolve) => setTimeout(resolve, options.sessionRetryMs ?? 3000));
      if (options.stopped()) return { kind: 'salesforceSession', detail: errorText(error) };
    }
  }
}

function parseUserInfo(text: string): { userId: string; language: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HostError('BAD_RESPONSE', 'getUserInfo did not answer JSON.');
  }
  const info = userInfoSchema.safeParse(json);
  if (!info.success) throw new HostError('BAD_RESPONSE', 'getUserInfo returned no user id.');
  return { userId: info.data.userId, language: info.data.language ?? null };
}
