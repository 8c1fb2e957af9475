/** The agents as the PBX sees them: signed in, status, desktop softphone; links to their pages. */
import { useMock } from './context';
import { LiveCheckbox } from './LiveCheckbox';
import { pageUrl } from './params';
import { useSimState, type SimAct } from './sim-hooks';

export function SimAgents({ act }: { act: SimAct }) {
  const { sim, host } = useMock();
  const agents = useSimState().data?.agents ?? [];
  return (
    <section aria-label="Agents">
      <h2>Agents</h2>
      <table className="host__table" aria-label="Agents">
        <thead>
          <tr>
            <th>Agent</th>
            <th>Status</th>
            <th>Desktop softphone</th>
            <th>Page</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.loginId}>
              <td>
                {a.loginId} · {a.extension}
                <br />
                <small>{a.name}</small>
              </td>
              <td>{a.signedIn ? a.statusId : 'signed out'}</td>
              <td>
                <LiveCheckbox
                  key={`${a.loginId}-${String(a.phoneRegistered)}`}
                  label={`Running (${a.loginId})`}
                  value={a.phoneRegistered}
                  onChange={(running) => act(`Desktop softphone of ${a.loginId} ${running ? 'running' : 'stopped'}`, () => sim.setDesktopSoftphone(a.loginId, running))}
                />
              </td>
              <td>
                {a.loginId === host.params.user ? (
                  'this page'
                ) : (
                  <a href={pageUrl(window.location, { user: a.loginId, popout: null })} target="_blank" rel="noreferrer">
                    {`Open ${a.loginId}'s page`}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
