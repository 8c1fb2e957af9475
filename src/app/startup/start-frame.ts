/**
 * This tab's start-up in Salesforce, up to the moment the panel can join the agent's other panels:
 * the Open CTI host for the UI that framed the panel, then the call center and the user.
 *
 * Salesforce hears the panel is up (`notifyInitializationComplete`) as soon as the host is connected:
 * from then on the panel shows what happens (a slow Salesforce, a failure) itself. Waiting longer
 * would let Salesforce switch to the standby page after its timeout, where Lightning stays until the
 * browser restarts.
 */
import { enhancedDomainHost } from '../../salesforce/enhanced-domains';
import type { LaunchParams } from '../../salesforce/launch';
import { CALL_CENTER_ITEMS } from '../../salesforce/package-names';
import { riskySandbox } from '../../salesforce/sandbox';
import type { CtiHost, HostKind } from '../../salesforce/types';
import { loadMessages, toLang } from '../i18n';
import { errorText, sessionStorageWorks } from '../platform';
import type { PanelStore } from '../store';
import { readStartup, type StartupInfo } from './read-startup';

export interface FrameDeps {
  store: PanelStore;
  launch: LaunchParams;
  connectHost: (kind: HostKind) => Promise<CtiHost>;
  /** The page's own host name (where Salesforce serves the panel). */
  ownHostname: string;
  sessionRetryMs?: number;
  stopped: () => boolean;
  /** The BIZTEL server's URL as soon as the settings give it (start-up goes on meanwhile). */
  onServerUrl?: (url: string) => void;
}

/** The host and what start-up read, or null when the panel cannot go on (the store says why). */
export async function startFrame(deps: FrameDeps): Promise<{ host: CtiHost; info: StartupInfo } | null> {
  const { store, launch } = deps;
  const actions = store.getState();
  if (launch.kind === null) {
    actions.frameBare();
    return null;
  }
  // The page Salesforce framed the panel from, and the panel's own (Visualforce) host.
  const hostnames = [launch.sfdcOrigin ? safeHostname(launch.sfdcOrigin) : null, deps.ownHostname];
  actions.frameHosted(launch.kind, riskySandbox(hostnames), enhancedDomainHost(hostnames));
  let host: CtiHost;
  try {
    host = await deps.connectHost(launch.kind);
  } catch (error) {
    actions.frameFailed({ kind: 'openCtiUnavailable', detail: errorText(error) });
    return null;
  }
  host.notifyInitializationComplete();
  const started = await readStartup(host, store, {
    stopped: deps.stopped,
    ...(deps.sessionRetryMs !== undefined ? { sessionRetryMs: deps.sessionRetryMs } : {}),
    ...(deps.onServerUrl ? { onServerUrl: deps.onServerUrl } : {}),
  });
  if (!started.ok) {
    // Said in the user's language when Salesforce named it (its texts loaded before the switch).
    if (started.language) {
      const lang = toLang(started.language);
      await loadMessages(lang);
      actions.frameFailed(started.failure, lang);
    } else {
      actions.frameFailed(started.failure);
    }
    return null;
  }
  const { info } = started;
  actions.frameStarted({
    serverUrl: info.serverUrl,
    legacyPopupMode: info.settings[CALL_CENTER_ITEMS.popupMode] ?? null,
    salesforceLang: info.language ? toLang(info.language) : store.getState().frame.salesforceLang,
    keepsSession: sessionStorageWorks(),
  });
  return { host, info };
}

function safeHostname(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
