import { describe, expect, it } from 'vitest';
import type { AgentEvent, SessionEnded } from '../protocol';
import { Pbx } from './pbx';

function pbxWithClock() {
  let now = 1_790_000_000_000;
  const events: AgentEvent[] = [];
  const ended: SessionEnded[] = [];
  const pbx = new Pbx(
    { agentEvent: (_s, e) => events.push(e), sessionEnded: (_s, e) => ended.push(e), restart: () => {} },
    { recordingBaseUrl: 'http://localhost:8000/', now: () => now, timing: { recordingDelayMs: 1 } },
  );
  return { pbx, events, ended, advance: (ms: number) => (now += ms) };
}

describe('the simulated PBX', () => {
  it('reports a call the client names on resume, however long ago it ended (no ghost call)', () => {
    const { pbx, advance } = pbxWithClock();
    const { token } = pbx.signIn('agent01', 'biztel');
    const { callId } = pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    pbx.answer(token, callId);
    pbx.remoteHangup(callId);
    advance(60 * 60_000);
    expect(pbx.resume(token, 0).session.calls).toEqual([]);
    expect(pbx.resume(token, 0, [callId]).session.calls).toEqual([expect.objectContaining({ callId, state: 'ended', endReason: 'completed' })]);
  });

  it('numbers agent events per session and replays what a client missed', () => {
    const { pbx, events } = pbxWithClock();
    const { token, seq } = pbx.signIn('agent01', 'biztel');
    pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seq + i + 1));
    expect(pbx.resume(token, seq).missed).toHaveLength(events.length);
    expect(pbx.resume(token, seqs.at(-1)!).missed).toEqual([]);
  });

  it('keeps a session when the same agent signs in again only for the newest one', () => {
    const { pbx, ended } = pbxWithClock();
    const first = pbx.signIn('agent01', 'biztel');
    pbx.signIn('agent01', 'biztel');
    expect(ended).toEqual([{ reason: 'signedInElsewhere' }]);
    expect(() => pbx.resume(first.token, 0)).toThrow(/session has ended/);
  });

  it('lets a 3.3.x server upgraded to 3.4+ take its outbound pop from the inbound one', () => {
    const { pbx } = pbxWithClock();
    pbx.setVersion('3.3.5');
    pbx.setSystemSettings({ inboundPopup: 'answer', outboundPopup: 'dial' });
    expect(pbx.config.visibleSettings().outboundPopup).toBeUndefined(); // 3.3 has no such setting
    pbx.setVersion('3.4.0');
    expect(pbx.config.visibleSettings().outboundPopup).toBe('answer');
    pbx.setVersion('3.3.0');
    pbx.setSystemSettings({ inboundPopup: 'ring' });
    pbx.setVersion('3.9.0');
    expect(pbx.config.visibleSettings().outboundPopup).toBe('never');
  });

  it('hides the settings an old version lacks', () => {
    const { pbx } = pbxWithClock();
    pbx.setVersion('3.2.19');
    expect(pbx.config.visibleSettings()).toEqual({});
    pbx.setVersion('3.2.20');
    expect(Object.keys(pbx.config.visibleSettings()).sort()).toEqual(['clickToCallDisabled', 'clickToCallImmediate']);
  });
});
