/** Test harness: links signed in to a real in-process simulator (integration tests only). */
import type { AgentEvent, Call, Session } from '../protocol';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import type { PbxTiming } from '../simulator/pbx';
import { BiztelLink } from './link';

export interface Harness {
  sim: RunningSimulator;
  connect(): Promise<BiztelLink>;
  signIn(loginId?: string): Promise<{ link: BiztelLink; session: Session }>;
  closeLinks(): void;
  close(): Promise<void>;
}

export async function startHarness(timing: Partial<PbxTiming> = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, timing: { recordingDelayMs: 20, outcomeDelayMs: 20, ...timing } });
  const links: BiztelLink[] = [];
  const connect = async () => {
    const link = new BiztelLink(sim.url, { ackTimeoutMs: 2000 });
    links.push(link);
    const hello = new Promise<void>((resolve) => link.on('hello', () => resolve()));
    link.connect();
    await hello;
    return link;
  };
  return {
    sim,
    connect,
    signIn: async (loginId = 'agent01') => {
      const link = await connect();
      const result = await link.signIn(loginId, 'biztel');
      if (!result.ok) throw new Error(result.error.message);
      return { link, session: result.data };
    },
    closeLinks: () => {
      for (const link of links.splice(0)) link.close();
    },
    close: () => sim.close(),
  };
}

/** Resolves with the first agent event `pick` maps to a value. */
export function nextEvent<T>(link: BiztelLink, pick: (e: AgentEvent) => T | undefined, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for an event'));
    }, timeoutMs);
    const off = link.on('event', (event) => {
      const value = pick(event);
      if (value !== undefined) {
        clearTimeout(timer);
        off();
        resolve(value);
      }
    });
  });
}

export const callWhere = (test: (c: Call) => boolean) => (e: AgentEvent) => (e.type === 'call' && test(e.call) ? e.call : undefined);
export const callIn = (state: Call['state']) => callWhere((c) => c.state === state);
export const agentWhere = (test: (a: Extract<AgentEvent, { type: 'agent' }>['agent']) => boolean) => (e: AgentEvent) =>
  e.type === 'agent' && test(e.agent) ? e.agent : undefined;

/** Rings `agent` with an inbound call and answers it on `link`; the call's id. */
export async function connectedInbound(h: Harness, link: BiztelLink, agent = 'agent01'): Promise<string> {
  const ringing = nextEvent(link, callIn('ringing'));
  const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent });
  await ringing;
  const answered = await link.command('answer', { callId });
  if (!answered.ok) throw new Error(answered.error.message);
  return callId;
}
