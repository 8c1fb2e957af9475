import { useId } from 'react';
import { isOnCall } from '../app';
import { useCallActions, usePanel, useT } from './context';
import { LinkIndicator } from './LinkIndicator';
import { Field, IconButton } from './parts';

export function AgentBar() {
  const t = useT();
  const actions = useCallActions();
  const session = usePanel((s) => s.shared.session);
  const onCall = usePanel(isOnCall);
  const statusField = useId();
  if (!session) return null;
  const { agent, statuses } = session;
  const system = statuses.filter((s) => !s.selectable);
  // Picked during a call: the server applies it when the call ends (the list shows the call's status till then).
  const pending = agent.pendingStatusId ? statuses.find((s) => s.id === agent.pendingStatusId) : undefined;
  return (
    <header className="agent-bar">
      <div className="agent-bar__who">
        <div className="agent-bar__id">
          <span className="agent-bar__name slds-truncate" title={agent.name}>
            {agent.name}
          </span>
          <span className="agent-bar__ext">{t('agent.extension', { extension: agent.extension })}</span>
          <LinkIndicator />
        </div>
        <IconButton icon="logout" label={t('signOut')} onClick={() => void actions.signOut()} disabled={onCall} />
      </div>
      <div className="agent-bar__status">
        <Field id={statusField} label={t('agent.status')}>
          <div className="slds-select_container">
            <select
              className="slds-select"
              id={statusField}
              value={agent.statusId}
              aria-describedby={pending ? `${statusField}-pending` : undefined}
              onChange={(e) => void actions.setStatus(e.target.value)}
            >
              {statuses
                .filter((s) => s.selectable)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              {/* Statuses the system sets during calls: shown, never chosen. */}
              {system.length > 0 && (
                <optgroup label={t('agent.systemStatuses')}>
                  {system.map((s) => (
                    <option key={s.id} value={s.id} disabled>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
        </Field>
        {pending && (
          <p className="agent-bar__pending slds-text-body_small" id={`${statusField}-pending`} aria-live="polite">
            {t('agent.pendingStatus', { status: pending.name })}
          </p>
        )}
      </div>
    </header>
  );
}
