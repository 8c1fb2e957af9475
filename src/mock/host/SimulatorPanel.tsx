import { useState, type SubmitEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMock } from './context';

/** Drives the simulated BIZTEL server: callers, called parties, the admin's settings. */
export function SimulatorPanel() {
  const { sim, host } = useMock();
  const state = useQuery({ queryKey: ['sim-state'], queryFn: () => sim.state(), refetchInterval: 1000 });
  const [from, setFrom] = useState('03-5555-0101');
  const [anonymous, setAnonymous] = useState(false);
  const [target, setTarget] = useState(host.params.user);
  const [error, setError] = useState<string | null>(null);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work()
      .then(() => state.refetch())
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const placeCall = (event: SubmitEvent) => {
    event.preventDefault();
    act(() => sim.incomingCall(target === 'queue' ? { from: anonymous ? null : from, queue: 'support' } : { from: anonymous ? null : from, agent: target }));
  };
  const agents = state.data?.agents ?? [];
  return (
    <div className="sim">
      <form onSubmit={placeCall} aria-label="Incoming call">
        <h2>Incoming call</h2>
        <label>
          Caller number
          <input value={from} onChange={(e) => setFrom(e.target.value)} disabled={anonymous} />
        </label>
        <label className="sim__inline">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous (非通知)
        </label>
        <label>
          Ring
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {agents.map((a) => (
              <option key={a.loginId} value={a.loginId}>
                {a.loginId} ({a.signedIn ? 'signed in' : 'signed out'})
              </option>
            ))}
            <option value="queue">Queue (any 受付可 agent)</option>
          </select>
        </label>
        <button type="submit">Place call</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <h2>Calls</h2>
      <table className="host__table">
        <tbody>
          {(state.data?.calls ?? [])
            .slice()
            .reverse()
            .map((c) => (
              <tr key={c.callId}>
                <td>
                  <code>{c.callId}</code>
                  <br />
                  {c.direction} · {c.from ?? '非通知'} → {c.to} · {c.agent ?? '-'}
                </td>
                <td>{c.state}</td>
                <td>
                  {c.state === 'dialing' && (
                    <button type="button" onClick={() => act(() => sim.remoteAnswer(c.callId))}>
                      Answer (far end)
                    </button>
                  )}
                  {c.state !== 'ended' && (
                    <button type="button" onClick={() => act(() => sim.remoteHangup(c.callId))}>
                      Hang up (far end)
                    </button>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="sim__meta">
        Server {state.data?.version ?? '…'} · {sim.baseUrl}
      </p>
    </div>
  );
}
