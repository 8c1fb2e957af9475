import { useId } from 'react';
import { liveCalls } from '../app/store';
import { useActions, usePanel, useT } from './context';
import { LinkIndicator } from './LinkIndicator';

export function AgentBar() {
  const t = useT();
  const actions = useActions();
  const session = usePanel((s) => s.session);
  const onCall = usePanel((s) => liveCalls(s).length > 0);
  const statusField = useId();
  if (!session) return null;
  const { agent, statuses } = session;
  const current = statuses.find((s) => s.id === agent.statusId);
  return (
    <header className="agent-bar">
      <div className="agent-bar__who">
        <span className="agent-bar__name">{agent.name}</span>
        <span className="agent-bar__ext">{t('agent.extension', { extension: agent.extension })}</span>
        <LinkIndicator />
      </div>
      <div className="agent-bar__status">
        <label htmlFor={statusField}>{t('agent.status')}</label>
        <select id={statusField} value={agent.statusId} onChange={(e) => void actions.setStatus(e.target.value)}>
          {/* System statuses are shown but cannot be chosen. */}
          {current && !current.selectable && (
            <option value={current.id} disabled>
              {current.name}
            </option>
          )}
          {statuses
            .filter((s) => s.selectable)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => void actions.signOut()} disabled={onCall}>
        {t('signOut')}
      </button>
    </header>
  );
}
