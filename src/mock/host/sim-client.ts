/** The mock page's client of the simulator's control API (`mockCti.server`), answers checked. */
import * as z from 'zod/mini';

const callState = z.enum(['ringing', 'dialing', 'connected', 'held', 'parked', 'ended']);
const simCallSchema = z.looseObject({
  callId: z.string(),
  state: callState,
  direction: z.enum(['inbound', 'outbound', 'internal']),
  from: z.nullable(z.string()),
  to: z.string(),
  agent: z.optional(z.string()),
  dtmf: z.optional(z.string()),
});
const settingsSchema = z.object({
  clickToCallDisabled: z.boolean(),
  clickToCallImmediate: z.boolean(),
  inboundPopup: z.enum(['never', 'ring', 'answer']),
  outboundPopup: z.enum(['never', 'dial', 'answer']),
  anonymousPopup: z.boolean(),
});
/** What the next call carries unchecked (the simulator checks only their own bounds). */
const quirksSchema = z.object({
  from: z.optional(z.string()),
  recordingUrl: z.optional(z.string()),
  extra: z.optional(z.record(z.string(), z.unknown())),
});
export const stateSchema = z.object({
  version: z.string(),
  scheduledUpgrade: z.nullable(z.string()),
  settings: settingsSchema,
  visibleSettings: z.partial(settingsSchema),
  afterCallWork: z.boolean(),
  nextCallQuirks: z.nullable(quirksSchema),
  agents: z.array(
    z.looseObject({
      loginId: z.string(),
      name: z.string(),
      extension: z.string(),
      statusId: z.string(),
      phoneRegistered: z.boolean(),
      signedIn: z.boolean(),
    }),
  ),
  calls: z.array(simCallSchema),
});

/** A call as `window.mockCti.server.calls()` lists it (README), plus the tones the agent sent. */
export type SimCall = z.infer<typeof simCallSchema>;
/** The server's system settings (pop timing, click-to-call) as `mockCti.server.setSystemSettings` takes them. */
export type SystemSettings = z.infer<typeof settingsSchema>;
/** What the simulator pushes to the page: its version, settings, agents and calls. */
export type SimulatorState = z.infer<typeof stateSchema>;
export type Outcome = 'answer' | 'busy' | 'noAnswer' | 'invalid';
/** The argument of `mockCti.server.nextCallQuirks`. */
export type CallQuirks = z.infer<typeof quirksSchema>;

const ok = z.looseObject({});

export class SimClient {
  constructor(readonly baseUrl: string) {}

  async request<T>(path: string, schema: z.ZodMiniType<T>, body?: unknown): Promise<T> {
    const init: RequestInit = { method: body === undefined ? 'GET' : 'POST' };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(new URL(path, this.baseUrl), init);
    const json = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      throw new Error(`${typeof error?.code === 'string' ? error.code : response.status}: ${typeof error?.message === 'string' ? error.message : path}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`The simulator's answer to ${path} was not understood: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  reset = () => this.request('/control/reset', ok, {});
  incomingCall = (input: { from: string | null; to?: string; agent?: string; queue?: string; ringAll?: boolean }) =>
    this.request('/control/incoming-call', z.object({ callId: z.string() }), input);
  remoteAnswer = (callId: string) => this.request(`/control/calls/${encodeURIComponent(callId)}/remote-answer`, ok, {});
  remoteHangup = (callId: string) => this.request(`/control/calls/${encodeURIComponent(callId)}/remote-hangup`, ok, {});
  setOutcome = (number: string, outcome: Outcome) => this.request('/control/outcome', ok, { number, outcome });
  setSystemSettings = (settings: Partial<SystemSettings>) => this.request('/control/system-settings', ok, settings);
  setVersion = (version: string) => this.request('/control/version', ok, { version });
  setScheduledUpgrade = (version: string | null) => this.request('/control/scheduled-upgrade', ok, { version });
  setDesktopSoftphone = (agent: string, running: boolean) => this.request('/control/desktop-softphone', ok, { agent, running });
  dropConnections = (forMs: number) => this.request('/control/drop-connections', ok, { forMs });
  setAfterCallWork = (enabled: boolean) => this.request('/control/after-call-work', ok, { enabled });
  restart = () => this.request('/control/restart', ok, {});
  nextCallQuirks = (quirks: CallQuirks) => this.request('/control/next-call-quirks', ok, quirks);
  calls = () => this.request('/control/calls', z.array(simCallSchema));
  /** The simulator's log for a bug report: its state, every call with its legs, the socket events it keeps. */
  log = () => this.request('/control/log', z.looseObject({ at: z.number(), calls: z.array(z.looseObject({ callId: z.string() })), socketEvents: z.array(z.unknown()) }));
}
