/** The agents as the PBX sees them: signed in, status, desktop softphone; links to their pages. */
import { useMock, useSimState } from './context';
import { useText } from './i18n';
import { LiveCheckbox } from './LiveCheckbox';
import { pageUrl } from './params';
import type { SimAct } from './sim-hooks';
import { Card } from './slds';

export function SimAgents({ act }: { act: SimAct }) {
  const { sim, host } = useMock();
  const t = useText().sim.agents;
  const agents = useSimState()?.agents ?? [];
  return (
    <Card label={t.heading} title={t.heading}>
      <table className="slds-table slds-table_bordered slds-table_cell-buffer host__table" aria-label={t.heading}>
        <thead>
          <tr className="slds-line-height_reset">
            <th scope="col">{t.agent}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.desktop}</th>
            <th scope="col">{t.page}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.loginId} data-agent={a.loginId}>
              <td>
                {a.loginId} · {a.extension}
                <br />
                <small>{a.name}</small>
              </td>
              <td>{a.signedIn ? a.statusId : t.signedOut}</td>
              <td>
                <LiveCheckbox
                  key={`${a.loginId}-${String(a.phoneRegistered)}`}
                  label={t.running(a.loginId)}
                  value={a.phoneRegistered}
                  onChange={(running) => act(t.runningDone(a.loginId, running), () => sim.setDesktopSoftphone(a.loginId, running))}
                />
              </td>
              <td>
                {a.loginId === host.params.user ? (
                  t.thisPage
                ) : (
                  <a href={pageUrl(window.location, { user: a.loginId, popout: null })} target="_blank" rel="noreferrer">
                    {t.open(a.loginId)}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
