/** Drives the simulated BIZTEL server: callers, called parties, the server and its admin's settings. */
import { useState, type SubmitEvent } from 'react';
import { useMock } from './context';
import { USERS } from './params';
import { useSimAction, useSimState, type SimAct } from './sim-hooks';
import type { Outcome } from './sim-client';
import { SimAgents } from './SimAgents';
import { SimQuirks } from './SimQuirks';
import { SimServer } from './SimServer';

export function SimulatorPanel() {
  const { sim } = useMock();
  const { act, error, done } = useSimAction();
  return (
    <div className="sim">
      {error && <p role="alert">{error}</p>}
      <p role="status" aria-label="Simulator" className="sim__done">
        {done ? `Done: ${done}` : ''}
      </p>
      <IncomingCallForm act={act} />
      <SimQuirks act={act} />
      <SimCalls act={act} />
      <OutcomeForm act={act} />
      <SimServer act={act} />
      <SimAgents act={act} />
      <p className="sim__meta">Simulator: {sim.baseUrl}</p>
    </div>
  );
}

function IncomingCallForm({ act }: { act: SimAct }) {
  const { sim, host } = useMock();
  const agents = useSimState().data?.agents ?? [];
  const [from, setFrom] = useState('03-5555-0101');
  const [to, setTo] = useState('03-1234-5678');
  const [anonymous, setAnonymous] = useState(false);
  const [target, setTarget] = useState(host.params.user);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const caller = anonymous ? null : from;
    const input =
      target === 'queue' ? { from: caller, to, queue: 'support' } : target === 'queueAll' ? { from: caller, to, queue: 'support', ringAll: true } : { from: caller, to, agent: target };
    void act(`Place call from ${caller ?? '非通知'}`, () => sim.incomingCall(input));
  };
  return (
    <form onSubmit={submit} aria-label="Incoming call">
      <h2>Incoming call</h2>
      <label>
        Caller number
        <input value={from} onChange={(e) => setFrom(e.target.value)} disabled={anonymous} />
      </label>
      <label className="sim__inline">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous (非通知)
      </label>
      <label>
        Dialled number
        <input value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        Ring
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {USERS.map((loginId) => {
            const agent = agents.find((a) => a.loginId === loginId);
            return (
              <option key={loginId} value={loginId}>
                {loginId} {agent ? `(${agent.signedIn ? agent.statusId : 'signed out'})` : ''}
              </option>
            );
          })}
          <option value="queue">Queue (any 受付可 agent)</option>
          <option value="queueAll">Queue, ring every 受付可 agent</option>
        </select>
      </label>
      <button type="submit">Place call</button>
    </form>
  );
}

/** A caller ID as a quirky call may carry it (up to 1,000 characters), cut for the table. */
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text);

/** Every call of the simulator, with what the outside party can do to it. */
function SimCalls({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const calls = useSimState().data?.calls ?? [];
  return (
    <section aria-label="Calls">
      <h2>Calls</h2>
      {calls.length === 0 ? (
        <p>No calls yet.</p>
      ) : (
        <table className="host__table" aria-label="Calls">
          <tbody>
            {calls
              .slice(-20)
              .reverse()
              .map((c) => (
                <tr key={c.callId}>
                  <td>
                    <code>{c.callId}</code>
                    <br />
                    {c.direction} · {shorten(c.from ?? '非通知')} → {c.to} · {c.agent ?? '-'}
                  </td>
                  <td>{c.state}</td>
                  <td>
                    {c.state === 'dialing' && c.direction === 'outbound' && (
                      <button type="button" onClick={() => void act(`Far end answered ${c.callId}`, () => sim.remoteAnswer(c.callId))}>
                        Answer (far end)
                      </button>
                    )}
                    {c.state !== 'ended' && (
                      <button type="button" onClick={() => void act(`Far end hung up ${c.callId}`, () => sim.remoteHangup(c.callId))}>
                        Hang up (far end)
                      </button>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'answer', label: 'Answers' },
  { value: 'busy', label: 'Busy' },
  { value: 'noAnswer', label: 'Does not answer' },
  { value: 'invalid', label: 'Invalid number' },
];

/** How numbers that agents dial or transfer to behave. */
function OutcomeForm({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const [number, setNumber] = useState('090-1234-5678');
  const [outcome, setOutcome] = useState<Outcome>('answer');
  const [set, setSet] = useState<{ number: string; outcome: Outcome }[]>([]);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void act(`Set outcome of ${number}`, () => sim.setOutcome(number, outcome)).then((ok) => {
      if (ok) setSet((list) => [...list.filter((o) => o.number !== number), { number, outcome }]);
    });
  };
  return (
    <form onSubmit={submit} aria-label="Called party's behaviour">
      <h2>Called party’s behaviour</h2>
      <p className="sim__hint">
        For numbers an agent dials or transfers to (blind or consult). Unset numbers ring until they time out. A blind transfer hands
        the call over when the number answers; busy, invalid or no answer leaves the call with the agent, who goes back to the caller.
      </p>
      <label>
        Called number
        <input value={number} onChange={(e) => setNumber(e.target.value)} />
      </label>
      <label>
        Outcome
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Set outcome</button>
      {set.length > 0 && (
        <ul aria-label="Outcomes set from this page">
          {set.map((o) => (
            <li key={o.number}>
              {o.number}: {OUTCOMES.find((x) => x.value === o.outcome)?.label}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
