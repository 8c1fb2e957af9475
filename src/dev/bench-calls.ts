/**
 * The benchmark's calls on one signed-in panel: ring→pop latency (the caller hangs up after each pop)
 * and a shift of full calls (ring, Answer, Connected, Hang up, the Task and its recording link
 * written) with the panel's heap after GC before and after.
 */
import type { CDPSession, Frame } from 'playwright-core';
import type { MockStack } from './mock-stack';
import { heapAfterGc, wallNow, withProbe, type ClockOffset, type HeapSample } from './bench-page';
import type { PopRecord } from './bench-probe';

export const AGENT = 'agent01';
/** Contact 山田 太郎 (the fake org's seed): one match, so every ring pops the record page. */
export const CALLER = '03-5555-0101';

/** Ring times by call id, filled by the simulator's onAgentEvent hook (Node's clock). */
export type RingLog = Map<string, number>;

const WAIT_MS = 10_000;
/** Calls between two checks that every Task is complete (and the fake org is emptied). */
const BATCH = 50;

/** Resolves when the fake org holds the call's Task and `done` says it is complete. */
function taskWritten(stack: MockStack, callId: string, done: (task: Record<string, unknown>) => boolean): Promise<void> {
  const check = () => stack.org.snapshot().tasks.some((t) => t.CallObject === callId && done(t));
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`No Task for ${callId} within ${WAIT_MS} ms.`));
    }, WAIT_MS);
    const unsubscribe = stack.org.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RingToPop {
  /** Simulator's emit of the ring → the pop's postMessage leaving the panel (Node's clock). */
  ringToPopMs: number[];
  /** The ring arriving on the panel's WebSocket → the pop leaving (the panel's clock alone). */
  inPanelMs: number[];
  /** Simulator's emit → the pop message arriving in the host page (includes the host's queue). */
  ringToHostMs: number[];
}

export async function measureRingToPop(
  stack: MockStack,
  rings: RingLog,
  frames: { panel: Frame; host: Frame },
  clocks: { panel: ClockOffset; host: ClockOffset },
  counts: { warmUp: number; measured: number },
): Promise<RingToPop> {
  const result: RingToPop = { ringToPopMs: [], inPanelMs: [], ringToHostMs: [] };
  const ringAtById = new Map<string, number>();
  for (let i = 0; i < counts.warmUp + counts.measured; i += 1) {
    const { callId } = stack.simulator.pbx.incomingCall({ from: CALLER, agent: AGENT });
    const ringAt = rings.get(callId);
    rings.delete(callId);
    if (ringAt === undefined) throw new Error(`The simulator did not report the ring of ${callId}.`);
    const pop = await withProbe(frames.panel, (probe, a) => probe.waitPop(a.callId, a.timeoutMs), { callId, timeoutMs: WAIT_MS });
    stack.simulator.pbx.remoteHangup(callId); // the caller gives up: a missed call, logged
    await taskWritten(stack, callId, () => true);
    // Calls come seconds apart, not milliseconds: the next ring waits until the host page (the pop's
    // navigation) and the panel are idle, so it does not queue behind the last call's work.
    await Promise.all([frames.host, frames.panel].map((frame) => withProbe(frame, (probe, ms) => probe.idle(ms), 1000)));
    if (i < counts.warmUp) continue;
    ringAtById.set(callId, ringAt);
    addPop(result, pop, ringAt, clocks.panel);
  }
  const arrivals = await withProbe(frames.host, (probe) => probe.takeHostArrivals(), null);
  for (const [callId, at] of Object.entries(arrivals)) {
    const ringAt = ringAtById.get(callId);
    if (ringAt !== undefined) result.ringToHostMs.push(at - clocks.host.offsetMs - ringAt);
  }
  return result;
}

function addPop(result: RingToPop, pop: PopRecord, ringAt: number, clock: ClockOffset): void {
  result.ringToPopMs.push(pop.leftPanelAt - clock.offsetMs - ringAt);
  if (pop.ringReceivedAt !== null) result.inPanelMs.push(pop.leftPanelAt - pop.ringReceivedAt);
}

export interface Shift {
  calls: number;
  before: HeapSample;
  after: HeapSample;
  /** The panel's heap at points of the shift, to tell steady growth from noise. */
  samples: { calls: number; usedBytes: number }[];
  hostBefore: HeapSample;
  hostAfter: HeapSample;
  /** Wall time of one call, ring to Ended in the panel (its Task is written meanwhile). */
  callMs: number[];
}

/**
 * One inbound call as an agent takes it: ring, Answer, Connected, Hang up, Ended. Its Task (and then
 * the recording link on it) is written while the next call rings, as for a busy agent.
 */
async function takeCall(stack: MockStack, rings: RingLog, panel: Frame): Promise<{ callId: string; ms: number }> {
  const started = wallNow();
  const { callId } = stack.simulator.pbx.incomingCall({ from: CALLER, agent: AGENT });
  rings.delete(callId);
  await withProbe(panel, (probe, timeoutMs) => probe.answerAndHangUp(timeoutMs), WAIT_MS);
  return { callId, ms: wallNow() - started };
}

/**
 * Calls in batches: after each, every Task of the batch carries its recording link (the last write
 * of a call), then the fake org is emptied: the mock's record page lists the caller's every Task and
 * would slow the host page down as the shift goes on. The panel does not see it.
 */
async function batch(stack: MockStack, rings: RingLog, panel: Frame, calls: number, callMs: number[]): Promise<void> {
  const callIds: string[] = [];
  for (let i = 0; i < calls; i += 1) {
    const { callId, ms } = await takeCall(stack, rings, panel);
    callIds.push(callId);
    callMs.push(ms);
  }
  await Promise.all(callIds.map((callId) => taskWritten(stack, callId, (t) => typeof t.BIZTEL_Recording_URL__c === 'string')));
  stack.org.reset();
}

export async function runShift(
  stack: MockStack,
  rings: RingLog,
  frames: { panel: Frame; host: Frame },
  sessions: { panel: CDPSession; host: CDPSession },
  counts: { warmUp: number; calls: number; sampleEvery: number },
  progress: (done: number) => void,
): Promise<Shift> {
  stack.org.reset();
  await batch(stack, rings, frames.panel, counts.warmUp, []);
  const settled = async (session: CDPSession, frame: Frame) => {
    await withProbe(frame, (probe) => probe.clear(), null); // the probe's own records do not count
    await pause(300); // the last call's timers (call timer, log status) have run
    return heapAfterGc(session);
  };
  const hostBefore = await settled(sessions.host, frames.host);
  const before = await settled(sessions.panel, frames.panel);
  const samples = [{ calls: 0, usedBytes: before.usedBytes }];
  const callMs: number[] = [];
  for (let done = 0; done < counts.calls; ) {
    const size = Math.min(BATCH, counts.calls - done, counts.sampleEvery - (done % counts.sampleEvery));
    await batch(stack, rings, frames.panel, size, callMs);
    done += size;
    if (done % counts.sampleEvery === 0 && done < counts.calls) {
      samples.push({ calls: done, usedBytes: (await settled(sessions.panel, frames.panel)).usedBytes });
      progress(done);
    }
  }
  const after = await settled(sessions.panel, frames.panel);
  samples.push({ calls: counts.calls, usedBytes: after.usedBytes });
  const hostAfter = await settled(sessions.host, frames.host);
  progress(counts.calls);
  return { calls: counts.calls, before, after, samples, hostBefore, hostAfter, callMs };
}
