/**
 * Fuzzing the BIZTEL link with 10,000 server payloads, every one to an event the link listens to
 * (agentEvent, hello, sessionEnded). The link must refuse exactly the payloads the protocol's
 * schemas refuse, each with a diagnostic, throw nothing, and keep its session working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, agentEventSchema, helloSchema, sessionEndedSchema } from '../protocol';
import { brokenCall, fuzzPayload, seeded, type Json } from '../protocol/fuzz.test-support';
import { callIn, nextEvent, startHarness, type Harness } from './sim-harness.test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const COUNT = 10_000;
const EVENTS = ['agentEvent', 'hello', 'sessionEnded'] as const;
type FuzzEvent = (typeof EVENTS)[number];

function nearMiss(event: FuzzEvent, r: () => number): Json {
  // Sequence 0: read and checked like any event, never applied (the session's sequence is past it), so
  // a payload the tolerant reader keeps cannot take the place of the server's own next event.
  if (event === 'agentEvent') return { type: 'call', seq: r() < 0.9 ? 0 : -1, call: brokenCall(r) };
  if (event === 'hello') return { product: 'BIZTEL', protocol: r() < 0.5 ? 1 : 2, serverVersion: r() < 0.5 ? '3.9' : 12, scheduledUpgrade: null, serverTime: 1 };
  return { reason: r() < 0.5 ? 'because' : 42 };
}

/** Whether the link must refuse it: not of the protocol's shape (or a hello in another protocol). */
function refused(event: FuzzEvent, payload: Json): boolean {
  if (event === 'agentEvent') return !agentEventSchema.safeParse(payload).success;
  if (event === 'hello') {
    const hello = helloSchema.safeParse(payload);
    return !hello.success || hello.data.protocol !== PROTOCOL_VERSION;
  }
  return !sessionEndedSchema.safeParse(payload).success;
}

/**
 * Only malformed input: a valid payload is a real message to the link, not fuzz. A valid hello or
 * sessionEnded would (rightly) resync or end the session; a valid agent event with the next sequence
 * number would be applied and hide the server's own next event, so that the check that the link
 * still works afterwards would fail for the wrong reason (at random, with the timing). Drawn again.
 */
function malformed(event: FuzzEvent, random: () => number): Json {
  for (;;) {
    const payload = fuzzPayload(random, (r) => nearMiss(event, r));
    if (refused(event, payload)) return payload;
  }
}

describe('fuzzing the BIZTEL link', () => {
  it(`refuses exactly the malformed ones of ${COUNT} server payloads, each with a diagnostic, throws nothing, and keeps working`, { timeout: 60_000 }, async () => {
    const { link } = await h.signIn();
    const random = seeded(20_261_124);
    const diagnostics: string[] = [];
    link.on('diagnostic', (d) => diagnostics.push(d.source));
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const expected: Record<FuzzEvent, number> = { agentEvent: 0, hello: 0, sessionEnded: 0 };
    try {
      for (let i = 0; i < COUNT; i++) {
        const event = EVENTS[i % EVENTS.length]!;
        expected[event] += 1;
        const payload = malformed(event, random);
        h.sim.sendRaw(event, payload);
        if (i % 500 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const total = expected.agentEvent + expected.hello + expected.sessionEnded;
      await expect.poll(() => diagnostics.length, { timeout: 20_000 }).toBe(total);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    const bySource = (source: string) => diagnostics.filter((d) => d === source).length;
    expect({ agentEvent: bySource('agentEvent'), hello: bySource('hello'), sessionEnded: bySource('sessionEnded') }).toEqual(expected);
    expect(diagnostics.length).toBe(COUNT); // every one was refused with a diagnostic, none slipped through
    expect(uncaught).toEqual([]);
    // The session still works.
    expect(link.signedIn).toBe(true);
    const ringing = nextEvent(link, callIn('ringing'), 10_000);
    const { callId } = h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    expect((await ringing).callId).toBe(callId);
    expect((await link.command('answer', { callId })).ok).toBe(true);
    console.log(`link fuzz: ${COUNT} payloads to agentEvent/hello/sessionEnded, ${diagnostics.length} refused with a diagnostic (${JSON.stringify(expected)})`);
  });
});
