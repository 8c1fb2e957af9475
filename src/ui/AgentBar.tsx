import { useId } from 'react';
import { liveCalls } from '../app/store';
import { useActions, usePanel, useT } from './context';
import { LinkIndicator } from './LinkIndicator';
import { IconButton } from './parts';

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
        <span className="agent-bar__name slds-truncate" title={agent.name}>
          {agent.name}
        </span>
        <span className="agent-bar__ext">{t('agent.extension', { extension: agent.extension })}</span>
        <LinkIndicator />
        <IconButton icon="logout" label={t('signOut')} onClick={() => void actions.signOut()} disabled={onCall} />
      </div>
      <div className="slds-form-element agent-bar__status">
        <label className="slds-form-element__label" htmlFor={statusField}>
          {t('agent.status')}
        </label>
        <div className="slds-form-element__control">
          <div className="slds-select_container">
            <select className="slds-select" id={statusField} value={agent.statusId} onChange={(e) => void actions.setStatus(e.target.value)}>
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
        </div>
      </div>
    </header>
  );
}
