/** Test harness: links signed in to a real in-process simulator (integration tests only). */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AgentEvent, Call, Session } from '../protocol';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import type { PbxTiming } from '../simulator/pbx';
import { BiztelLink } from './link';

/** Anything the harness closes after each test (a link, a leader panel). */
export interface Closable {
  close(): void;
}

export interface Harness {
  sim: RunningSimulator;
  connect(): Promise<BiztelLink>;
  signIn(loginId?: string): Promise<{ link: BiztelLink; session: Session }>;
  /** Closes `thing` with the harness's own links (after each test with `simHarness`). */
  track<T extends Closable>(thing: T): T;
  closeLinks(): void;
  close(): Promise<void>;
}

export async function startHarness(timing: Partial<PbxTiming> = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, timing: { recordingDelayMs: 20, outcomeDelayMs: 20, ...timing } });
  const tracked: Closable[] = [];
  const track = <T extends Closable>(thing: T): T => {
    tracked.push(thing);
    return thing;
  };
  const connect = async () => {
    const link = track(new BiztelLink(sim.url, { ackTimeoutMs: 2000 }));
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
    track,
    closeLinks: () => {
      // Newest first: a leader made after a link closes before it.
      for (const thing of tracked.splice(0).reverse()) thing.close();
    },
    close: () => sim.close(),
  };
}

/**
 * One simulator for a test file, like `mockStage` in the browser tests: started before its tests,
 * stopped after them; after each test every link it made or tracks is closed and the PBX is back
 * to the seed.
 */
export function simHarness(timing: Partial<PbxTiming> = {}): Harness {
  let started: Harness | undefined;
  const harness = (): Harness => {
    if (!started) throw new Error('the harness is not up yet');
    return started;
  };
  beforeAll(async () => {
    started = await startHarness(timing);
  });
  afterAll(() => started?.close());
  afterEach(() => {
    started?.closeLinks();
    started?.sim.pbx.reset();
  });
  return {
    get sim() {
      return harness().sim;
    },
    connect: () => harness().connect(),
    signIn: (loginId) => harness().signIn(loginId),
    track: (thing) => harness().track(thing),
    closeLinks: () => harness().closeLinks(),
    close: () => harness().close(),
  };
}

/** Resolves with the first agent event `pick` maps to a value. */
export function nextEvent<T>(link: BiztelLink, pick: (e: AgentEvent) => T | undefined, timeoutMs = 10_000): Promise<T> {
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
