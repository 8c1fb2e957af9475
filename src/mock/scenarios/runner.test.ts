import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioReport, type ScenarioServer, type ScenarioSimState, type ScenarioTarget } from './runner';
import { parseScenario, type Scenario } from './schema';

/** A fake simulator: calls and agents in memory, its view pushed to `until` waiters on every change. */
function fakeTarget(initial: ScenarioSimState = { calls: [], agents: [{ loginId: 'agent01', statusId: 'ready', signedIn: true }] }) {
  let state = structuredClone(initial);
  const waiters = new Set<() => void>();
  const done: string[] = [];
  let next = 1;
  const change = (fn: (s: ScenarioSimState) => void) => {
    fn(state);
    state = structuredClone(state);
    for (const wake of [...waiters]) wake();
  };
  const call = (id: string) => {
    const found = state.calls.find((c) => c.callId === id);
    if (!found) throw new Error(`NO_SUCH_CALL: ${id}`);
    return found;
  };
  const ok = <T,>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const server: ScenarioServer = {
    incomingCall: (input) =>
      ok(() => {
        done.push(`incomingCall ${JSON.stringify(input)}`);
        const callId = String(next++);
        change((s) => s.calls.push({ callId, state: 'ringing', direction: 'inbound', from: input.from, to: '0312345678', agent: input.agent }));
        return { callId };
      }),
    remoteAnswer: (id) => ok(() => change(() => void (call(id).state = 'connected'))),
    remoteHangup: (id) => ok(() => change(() => void (call(id).state = 'ended'))),
    setOutcome: (n, o) => ok(() => void done.push(`setOutcome ${n} ${o}`)),
    restart: () => ok(() => change((s) => s.calls.forEach((c) => (c.state = 'ended')))),
    setVersion: () => ok(() => undefined),
    setSystemSettings: (x) => ok(() => void done.push(`settings ${JSON.stringify(x)}`)),
    setDesktopSoftphone: () => ok(() => undefined),
    setAfterCallWork: () => ok(() => undefined),
    dropConnections: () => ok(() => undefined),
  };
  const target: ScenarioTarget = {
    user: 'agent01',
    lang: 'en',
    server,
    current: () => state,
    until: (test, signal) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!test(state)) return;
          waiters.delete(check);
          resolve(state);
        };
        signal.addEventListener('abort', () => {
          waiters.delete(check);
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        });
        waiters.add(check);
        check();
      }),
  };
  return { target, change, done };
}

const scenario = (steps: unknown[]): Scenario => {
  const parsed = parseScenario({ title: { ja: 'テスト', en: 'Test' }, steps });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
};

describe('the scenario runner', () => {
  it('runs each step against the simulator and reports each outcome as it goes', async () => {
    const { target, done } = fakeTarget();
    const seen: ScenarioReport[] = [];
    const report = await runScenario(
      scenario([
        { step: 'setOutcome', number: '090-2222-3333', outcome: 'busy' },
        { step: 'incomingCall', from: '03-5555-0101', as: 'a' },
        { step: 'expectCallState', call: 'a', state: 'ringing' },
        { step: 'remoteAnswer' },
        { step: 'expectCallState', state: 'connected' },
        { step: 'say', text: { ja: '応答', en: 'Answered' } },
        { step: 'wait', ms: 5 },
        { step: 'remoteHangup', call: 'a' },
        { step: 'expectCallState', state: 'ended' },
      ]),
      target,
      { onProgress: (r) => seen.push(r) },
    );
    expect(report).toMatchObject({ title: 'Test', status: 'passed' });
    expect(report.steps.map((s) => s.status)).toEqual(Array(9).fill('ok'));
    expect(report.steps.map((s) => s.message)).toEqual(['090-2222-3333 → busy', '1', '1 ringing', '1', '1 connected', 'Answered', '5 ms', '1', '1 ended']);
    // The page's agent is rung when the step names none.
    expect(done).toEqual(['setOutcome 090-2222-3333 busy', 'incomingCall {"from":"03-5555-0101","agent":"agent01"}']);
    expect(seen[0]?.steps.every((s) => s.status === 'pending')).toBe(true);
    expect(seen.some((r) => r.steps[2]?.status === 'running')).toBe(true);
  });

  it('waits for pushed changes (a call the agent makes), and fails a step that does not happen in time; the rest are skipped', async () => {
    const { target, change } = fakeTarget({ calls: [{ callId: 'old', state: 'dialing', direction: 'outbound', from: '0312345678', to: '09022223333' }], agents: [] });
    const running = runScenario(
      scenario([
        { step: 'waitForCall', direction: 'outbound', to: '090-2222-3333', as: 'out', timeoutMs: 2000 },
        { step: 'expectCallState', call: 'out', state: 'ended', timeoutMs: 2000 },
        { step: 'expectCallState', call: 'out', state: 'connected', timeoutMs: 50 },
        { step: 'restart' },
      ]),
      target,
    );
    // The call that was there before the run does not count; a new one does.
    setTimeout(() => change((s) => s.calls.push({ callId: 'new', state: 'dialing', direction: 'outbound', from: '0312345678', to: '09022223333' })), 20);
    setTimeout(() => change((s) => void (s.calls[1]!.state = 'ended')), 40);
    const report = await running;
    expect(report.status).toBe('failed');
    expect(report.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'failed', 'skipped']);
    expect(report.steps[0]?.message).toMatch(/^new \(outbound/);
    expect(report.error).toBe('Step 3 (expectCallState): call new connected did not happen within 50 ms');
  });

  it('reports a step the simulator refuses, and stops when asked', async () => {
    const { target } = fakeTarget();
    target.server.incomingCall = () => Promise.reject(new Error('NOT_SIGNED_IN: agent01 is not signed in.'));
    const refused = await runScenario(scenario([{ step: 'incomingCall', from: null }, { step: 'remoteHangup' }]), target);
    expect(refused).toMatchObject({ status: 'failed', error: 'Step 1 (incomingCall): NOT_SIGNED_IN: agent01 is not signed in.' });

    const stop = new AbortController();
    const running = runScenario(scenario([{ step: 'wait', ms: 60_000 }, { step: 'restart' }]), target, { signal: stop.signal });
    setTimeout(() => stop.abort(), 10);
    const stopped = await running;
    expect(stopped.status).toBe('stopped');
    expect(stopped.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
  });

  it('expects agents by sign-in and status, the page agent by default', async () => {
    const { target, change } = fakeTarget({ calls: [], agents: [{ loginId: 'agent01', statusId: 'ready', signedIn: false }] });
    const running = runScenario(scenario([{ step: 'expectAgent', signedIn: true, status: 'break', timeoutMs: 2000 }]), target);
    setTimeout(() => change((s) => Object.assign(s.agents[0]!, { signedIn: true, statusId: 'break' })), 10);
    expect(await running).toMatchObject({ status: 'passed', steps: [{ message: 'agent01: signed in, break' }] });
  });
});
