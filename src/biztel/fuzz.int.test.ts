import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenCall, fuzzPayload, seeded, type Json } from '../protocol/fuzz.test-support';
import { callIn, nextEvent, startHarness, type Harness } from './sim-harness.test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const COUNT = 10_000;

describe('fuzzing the BIZTEL link', () => {
  it(`drops ${COUNT} malformed server payloads with diagnostics, throws nothing, and keeps working`, async () => {
    const { link } = await h.signIn();
    const random = seeded(20_261_124);
    const diagnostics: string[] = [];
    const accepted: unknown[] = [];
    link.on('diagnostic', (d) => diagnostics.push(d.source));
    link.on('event', (e) => accepted.push(e));
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const events = ['agentEvent', 'hello', 'sessionEnded', 'agentEvent', 'unknownEvent'];
    try {
      for (let i = 0; i < COUNT; i++) {
        const event = events[i % events.length]!;
        const nearMiss = (r: () => number): Json =>
          event === 'agentEvent' ? { type: 'call', seq: Math.floor(r() * 5), call: brokenCall(r) } : { product: 'BIZTEL', protocol: 1, serverVersion: r() < 0.5 ? '3.9' : 12 };
        const payload = fuzzPayload(random, nearMiss);
        h.sim.sendRaw(event, payload);
        if (i % 500 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      await expect.poll(() => diagnostics.length, { timeout: 10_000 }).toBeGreaterThan(COUNT * 0.7);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    // Whatever got through was valid by the schema; the session still works.
    expect(link.signedIn).toBe(true);
    const ringing = nextEvent(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    expect((await ringing).callId).toBe(callId);
    expect((await link.command('answer', { callId })).ok).toBe(true);
    console.log(`link fuzz: ${COUNT} payloads, ${diagnostics.length} dropped with a diagnostic, ${accepted.length} valid by the schema`);
  });
});
