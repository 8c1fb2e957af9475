/** The mock page's client of the simulator's control API (CONTRACTS.md §4 `server`). */
export interface SimCall {
  callId: string;
  state: 'ringing' | 'dialing' | 'connected' | 'held' | 'parked' | 'ended';
  direction: 'inbound' | 'outbound' | 'internal';
  from: string | null;
  to: string;
  agent?: string;
  dtmf?: string;
}

export interface SystemSettings {
  clickToCallDisabled: boolean;
  clickToCallImmediate: boolean;
  inboundPopup: 'never' | 'ring' | 'answer';
  outboundPopup: 'never' | 'dial' | 'answer';
  anonymousPopup: boolean;
}

export class SimClient {
  constructor(readonly baseUrl: string) {}

  async request<T>(path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method: body === undefined ? 'GET' : 'POST' };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(new URL(path, this.baseUrl), init);
    const json = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok) throw new Error(`${json.error?.code ?? response.status}: ${json.error?.message ?? path}`);
    return json;
  }

  reset = () => this.request('/control/reset', {});
  incomingCall = (input: { from: string | null; to?: string; agent?: string; queue?: string }) =>
    this.request<{ callId: string }>('/control/incoming-call', input);
  remoteAnswer = (callId: string) => this.request(`/control/calls/${encodeURIComponent(callId)}/remote-answer`, {});
  remoteHangup = (callId: string) => this.request(`/control/calls/${encodeURIComponent(callId)}/remote-hangup`, {});
  setOutcome = (number: string, outcome: 'answer' | 'busy' | 'noAnswer' | 'invalid') => this.request('/control/outcome', { number, outcome });
  setSystemSettings = (settings: Partial<SystemSettings>) => this.request('/control/system-settings', settings);
  setVersion = (version: string) => this.request('/control/version', { version });
  setScheduledUpgrade = (version: string | null) => this.request('/control/scheduled-upgrade', { version });
  setDesktopSoftphone = (agent: string, running: boolean) => this.request('/control/desktop-softphone', { agent, running });
  dropConnections = (forMs: number) => this.request('/control/drop-connections', { forMs });
  setAfterCallWork = (enabled: boolean) => this.request('/control/after-call-work', { enabled });
  calls = () => this.request<SimCall[]>('/control/calls');
  state = () => this.request<SimulatorState>('/control/state');
}

export interface SimulatorState {
  version: string;
  scheduledUpgrade: string | null;
  settings: SystemSettings;
  visibleSettings: Partial<SystemSettings>;
  afterCallWork: boolean;
  agents: { loginId: string; name: string; extension: string; statusId: string; phoneRegistered: boolean; signedIn: boolean }[];
  calls: SimCall[];
}
