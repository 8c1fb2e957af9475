/**
 * The leader panel against the real simulator, through the BIZTEL link: what an agent's panel keeps
 * when the same call comes to it a second time, and what the agent adds after a call.
 */
import { describe, expect, it } from 'vitest';
import { BiztelLink } from '../../biztel/link';
import { callIn, nextEvent, simHarness } from '../../biztel/sim-harness.test-support';
import type { TaskFields } from '../../domain/call-log';
import { CallActions } from '../agent/call-actions';
import { MemoryOutbox } from '../call-log';
import type { CallEntry, PanelStore } from '../store';
import { FakeHost, YAMADA, leaderStore } from '../testing/fake-host.test-support';
import { LeaderCore } from './leader';

const h = simHarness();

/** An agent's panel: its store, its Salesforce (fake) and the leader that holds its BIZTEL link. */
async function panel(loginId: string): Promise<{ store: PanelStore; host: FakeHost; leader: LeaderCore }> {
  const store = leaderStore();
  const host = new FakeHost();
  const leader = new LeaderCore({
    store,
    host,
    serverUrl: h.sim.url,
    userId: '0055555000001AA',
    createLink: (url, options) => new BiztelLink(url, { ...options, ackTimeoutMs: 2000 }),
    openOutbox: () => Promise.resolve(new MemoryOutbox()),
    group: null,
    resume: null,
    logger: { notesDebounceMs: 10, backoffMs: () => 50 },
  });
  h.track({ close: () => leader.stop() });
  await leader.start();
  const signedIn = await leader.signIn(loginId, 'biztel');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { store, host, leader };
}

async function until<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const entry = (store: PanelStore, callId: string): CallEntry | undefined => store.getState().shared.calls[callId];
const screen = { recordId: YAMADA.recordId, recordName: YAMADA.name, objectType: 'Contact' };

describe('the same call coming to an agent again, through the link', () => {
  it('consult, cancel, consult again: agent02’s panel rings and pops the second time, and logs one Task', async () => {
    const a = await h.signIn('agent01');
    const b = await panel('agent02');
    const ringing = nextEvent(a.link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    await ringing;
    await a.link.command('answer', { callId });

    await a.link.command('transfer', { callId, target: 'agent02', mode: 'consult', screen });
    await until(() => entry(b.store, callId)?.call.state === 'ringing', 'the first consult ring');
    await until(() => b.host.pops.length === 1, 'the first screen-transfer pop');
    await a.link.command('cancelTransfer', { callId });
    await until(() => entry(b.store, callId)?.call.endReason === 'consultCanceled', 'the cancelled consult');
    b.leader.updateCall(callId, { notes: 'first consult' });

    await a.link.command('transfer', { callId, target: 'agent02', mode: 'consult', screen });
    await until(() => entry(b.store, callId)?.call.state === 'ringing', 'the second consult ring');
    await until(() => b.host.pops.length === 2, 'the second screen-transfer pop');
    expect(b.host.pops.map((p) => p.method === 'popRecord' && p.recordId)).toEqual([YAMADA.recordId, YAMADA.recordId]);
    expect(b.host.searches).toEqual([]); // screen transfer: the record pops, no number search

    expect((await b.leader.command('answer', { callId })).ok).toBe(true);
    await until(() => entry(b.store, callId)?.call.state === 'connected', 'agent02 connected');
    await a.link.command('completeTransfer', { callId });
    await b.leader.command('hangup', { callId });
    const task = await until(() => b.host.tasks.get(callId), 'agent02’s Task');
    expect(task).toMatchObject({ CallObject: callId, CallDisposition: 'Completed', WhoId: YAMADA.recordId, Description: 'first consult' });
    expect(b.host.tasks.size).toBe(1);
  });

  it('transferred back to agent01: its panel rings again, pops, and its one Task ends as the last leg did', async () => {
    const a = await panel('agent01');
    const b = await h.signIn('agent02');
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    await until(() => entry(a.store, callId)?.call.state === 'ringing', 'the ring');
    await until(() => a.host.pops.length === 1, 'the pop at ring');
    await a.leader.command('answer', { callId });
    const bRinging = nextEvent(b.link, callIn('ringing'));
    expect((await a.leader.command('transfer', { callId, target: 'agent02', mode: 'blind' })).ok).toBe(true);
    await until(() => a.host.tasks.get(callId)?.CallDisposition === 'Transferred', 'the Task of the first leg');
    await bRinging;
    await b.link.command('answer', { callId });

    await b.link.command('transfer', { callId, target: 'agent01', mode: 'blind', screen });
    await until(() => entry(a.store, callId)?.call.state === 'ringing', 'the ring of the call transferred back');
    await until(() => a.host.pops.length === 2, 'the pop of the call transferred back');
    expect(a.host.pops[1]).toMatchObject({ method: 'popRecord', recordId: YAMADA.recordId });
    expect(entry(a.store, callId)?.log.status).toBe('none'); // this leg has no Task written yet

    await a.leader.command('answer', { callId });
    await until(() => entry(a.store, callId)?.call.state === 'connected', 'agent01 connected again');
    await a.leader.command('hangup', { callId });
    await until(() => a.host.tasks.get(callId)?.CallDisposition === 'Completed', 'the same Task, updated');
    expect(a.host.tasks.size).toBe(1);
    const ids = new Set(a.host.calls.flatMap((c) => (c.method === 'upsertCallLog' ? [c.task.CallObject] : [])));
    expect(ids).toEqual(new Set([callId]));
  });
});

describe('what the agent adds after the call, through the leader', () => {
  it('a call result typed after the call rewrites the same Task', async () => {
    const a = await panel('agent01');
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    await until(() => entry(a.store, callId)?.call.state === 'ringing', 'the ring');
    expect((await a.leader.command('answer', { callId })).ok).toBe(true);
    expect((await a.leader.command('hangup', { callId })).ok).toBe(true);
    const taskWith = (test: (task: TaskFields) => boolean) => () => {
      const task = a.host.tasks.get(callId);
      return task && test(task) ? task : undefined;
    };
    // Once the recording link is in it, nothing else is left to rewrite the Task but the agent.
    const first = await until(taskWith((t) => Boolean(t.BIZTEL_Recording_URL__c)), 'the Task with the recording');
    expect(first.CallDisposition).toBe('Completed');

    // As the call card does: the action tells the leader (its CommandPort), which writes the call.
    new CallActions({ store: a.store, port: () => a.leader, navigation: () => null, signIn: () => Promise.reject(new Error('unused')), loadLanguage: () => Promise.resolve() }).setDisposition(callId, 'Sold');
    const rewritten = await until(taskWith((t) => t.CallDisposition === 'Sold'), 'the Task rewritten');
    expect(rewritten.Id).toBe(first.Id);
    expect(a.host.tasks.size).toBe(1);
  });
});
