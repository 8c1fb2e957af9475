import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callSchema, type AgentEvent, type Call } from '../protocol';
import { Pbx } from './pbx';
import { callQuirksSchema } from './quirks';

const SIP = `sip:${'x'.repeat(980)}@example.com`;
const RTSP = `rtsp://recordings.example/${'r'.repeat(9_000)}`;

function signedIn() {
  const events: AgentEvent[] = [];
  const pbx = new Pbx(
    { agentEvent: (_s, e) => events.push(e), sessionEnded: () => {}, restart: () => {} },
    { recordingBaseUrl: 'http://localhost:8000/', timing: { recordingDelayMs: 10, outcomeDelayMs: 10 } },
  );
  const { token } = pbx.signIn('agent01', 'biztel');
  const viewsOf = (callId: string): Call[] => events.flatMap((e) => (e.type === 'call' && e.call.callId === callId ? [e.call] : []));
  /** An inbound call answered and hung up, its recording link sent; every view agent01 got of it. */
  const wholeCall = async (from = '03-5555-0101') => {
    const { callId } = pbx.incomingCall({ from, agent: 'agent01' });
    const answered = pbx.answer(token, callId);
    pbx.remoteHangup(callId);
    await vi.advanceTimersByTimeAsync(10);
    return { callId, answered, views: viewsOf(callId) };
  };
  return { pbx, token, wholeCall };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('quirks for the next call', () => {
  it('sends the next call’s caller ID, recording link and unknown fields as given, unchecked, in every view of it', async () => {
    const { pbx, token, wholeCall } = signedIn();
    pbx.nextCallQuirks({ from: SIP, recordingUrl: RTSP, extra: { trunk: 'T1', ivr: { path: [1, 2] } } });
    const { callId, answered, views } = await wholeCall();
    expect(views.map((v) => v.state)).toEqual(['ringing', 'connected', 'ended', 'ended']);
    for (const view of [...views, answered]) expect(view).toMatchObject({ from: SIP, trunk: 'T1', ivr: { path: [1, 2] } });
    expect(views.at(-1)?.recordingUrl).toBe(RTSP);
    expect(views.slice(0, -1).map((v) => v.recordingUrl)).toEqual([null, null, null]);
    // Not what the protocol allows: the panel gets it raw.
    expect(callSchema.safeParse(views.at(-1)).success).toBe(false);
    expect(pbx.resume(token, 0).session.calls[0]).toMatchObject({ callId, from: SIP, trunk: 'T1', recordingUrl: RTSP });
    expect(pbx.simCalls()[0]).toMatchObject({ callId, from: SIP });
    expect(pbx.recentCalls(token)[0]).toMatchObject({ callId, number: SIP });
  });

  it('applies to the next call only: the one after is ordinary again', async () => {
    const { pbx, wholeCall } = signedIn();
    pbx.nextCallQuirks({ from: 'anonymous caller', extra: { x: 1 } });
    expect(pbx.table.pendingQuirks).not.toBeNull();
    const odd = await wholeCall();
    expect(pbx.table.pendingQuirks).toBeNull();
    const plain = await wholeCall();
    expect(odd.views[0]).toMatchObject({ from: 'anonymous caller', x: 1 });
    for (const view of plain.views) {
      expect(callSchema.safeParse(view).success).toBe(true);
      expect(Object.keys(view)).not.toContain('x');
    }
    expect(plain.views[0]?.from).toBe('03-5555-0101');
    expect(plain.views.at(-1)?.recordingUrl).toBe(`http://localhost:8000/monitor_link/${plain.callId}`);
  });

  it('keeps the quirks’ raw caller ID: no trimming, and an empty one stays empty', async () => {
    const { pbx, wholeCall } = signedIn();
    pbx.nextCallQuirks({ from: '  ' });
    expect((await wholeCall()).views[0]?.from).toBe('  ');
    pbx.nextCallQuirks({ from: '' });
    expect((await wholeCall()).views[0]?.from).toBe('');
  });

  it('applies to calls an agent places too, on both legs of an internal call', () => {
    const { pbx, token } = signedIn();
    const b = pbx.signIn('agent02', 'biztel');
    pbx.nextCallQuirks({ from: 'sip:2001@pbx.example', extra: { leg: 'odd' } });
    const placed = pbx.dial(token, '2002');
    expect(placed).toMatchObject({ direction: 'internal', from: 'sip:2001@pbx.example', leg: 'odd' });
    expect(pbx.resume(b.token, 0).session.calls[0]).toMatchObject({ state: 'ringing', from: 'sip:2001@pbx.example', leg: 'odd' });
    pbx.hangup(token, placed.callId);
    pbx.nextCallQuirks({ from: 'caller-id-from-the-future' });
    expect(pbx.dial(token, '0312340000')).toMatchObject({ direction: 'outbound', from: 'caller-id-from-the-future' });
  });

  it('is disarmed by an empty quirks object, and by reset', async () => {
    const { pbx, wholeCall } = signedIn();
    pbx.nextCallQuirks({ from: 'sip:a@b' });
    pbx.nextCallQuirks({});
    expect((await wholeCall()).views[0]?.from).toBe('03-5555-0101');
    pbx.nextCallQuirks({ from: 'sip:a@b' });
    pbx.reset();
    expect(pbx.table.pendingQuirks).toBeNull();
  });
});

describe('the quirks’ own bounds', () => {
  const ok = (q: unknown) => callQuirksSchema.safeParse(q).success;
  it('takes up to 1,000 characters of caller ID and 10,000 of recording link, anything in them', () => {
    expect(ok({ from: 'あ'.repeat(1_000), recordingUrl: 'x'.repeat(10_000) })).toBe(true);
    expect(ok({ from: 'x'.repeat(1_001) })).toBe(false);
    expect(ok({ recordingUrl: 'x'.repeat(10_001) })).toBe(false);
    expect(ok({ from: null })).toBe(false);
  });

  it('takes a plain object of fields a call does not have as extra', () => {
    expect(ok({ extra: { anything: [1, { a: null }] } })).toBe(true);
    expect(ok({ extra: [1, 2] })).toBe(false);
    expect(ok({ extra: 'x' })).toBe(false);
    expect(ok({ extra: { from: 'x' } })).toBe(false);
    expect(ok({ extra: { callId: 'x' } })).toBe(false);
  });
});
