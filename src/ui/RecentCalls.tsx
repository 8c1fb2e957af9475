import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { searchDigits } from '../domain/phone';
import { formatNumber } from '../domain/phone-format';
import type { RecentCall } from '../protocol';
import { isOnCall, panelLang } from '../app';
import { useCallActions, usePanel, usePanelApp, useT } from './context';
import { formatDuration } from './CallTimer';
import { Icon } from './Icon';
import { recentCallsKey, recentCallsQuery } from './recent-calls-query';
import type { IconName } from './icon-names';

const ICONS: Record<RecentCall['direction'], IconName> = { inbound: 'incoming_call', outbound: 'outbound_call', internal: 'call' };
const UNANSWERED = new Set(['missed', 'declined', 'answeredElsewhere']);

/** The agent's recent calls from the BIZTEL server, with a call-back button on each. */
export function RecentCalls() {
  const t = useT();
  const app = usePanelApp();
  const actions = useCallActions();
  const queryClient = useQueryClient();
  const serverUrl = usePanel((s) => s.frame.serverUrl);
  const agent = usePanel((s) => s.shared.session?.agent ?? null);
  const lang = usePanel(panelLang);
  const directory = usePanel((s) => s.local.directory);
  const canCall = usePanel((s) => !isOnCall(s) && s.shared.link.status === 'ready' && s.local.pending.dial !== true);
  const ended = usePanel((s) => Object.values(s.shared.calls).filter((e) => e.call.state === 'ended').length);
  const [open, setOpen] = useState(false);
  const time = useMemo(() => new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }), [lang]);
  const listId = useId();
  const loginId = agent?.loginId ?? '';
  const query = useQuery({ ...recentCallsQuery(serverUrl ?? '', loginId, (signal) => app.recentCalls(signal)), enabled: open && agent !== null && serverUrl !== null });

  // A call that ended here is a new line in the list.
  useEffect(() => {
    if (serverUrl) void queryClient.invalidateQueries({ queryKey: recentCallsKey(serverUrl, loginId) });
  }, [ended, serverUrl, loginId, queryClient]);

  if (!agent || !serverUrl) return null;

  return (
    <section className="recent">
      <h2 className="recent__heading">
        <button type="button" className="slds-button recent__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'chevrondown' : 'chevronright'} className="slds-button__icon slds-button__icon_left" />
          {t('recent.title')}
        </button>
      </h2>
      {open && (
        <div id={listId}>
          {query.isPending && <p className="recent__note">{t('recent.loading')}</p>}
          {/* The error's own text is technical (and English): kept as the tooltip for support. */}
          {query.isError && (
            <p className="recent__note" title={query.error.message}>
              {t('recent.error')}
            </p>
          )}
          {query.data?.length === 0 && <p className="recent__note">{t('recent.empty')}</p>}
          {query.data && query.data.length > 0 && (
            <ul className="recent__list" aria-label={t('recent.title')}>
              {query.data.slice(0, 20).map((call) => {
                const digits = call.number === null ? '' : searchDigits(call.number) || call.number;
                const shown = call.number === null ? t('recent.anonymous') : (directory[digits] ?? formatNumber(digits));
                const unanswered = call.endReason !== null && UNANSWERED.has(call.endReason);
                return (
                  <li key={call.callId} className="recent__item">
                    <Icon name={unanswered ? 'missed_call' : ICONS[call.direction]} className="slds-icon slds-icon_xx-small slds-icon-text-default" />
                    <span className="recent__what">
                      <span className="recent__number">{shown}</span>
                      <span className="recent__when">
                        <span className="slds-assistive-text">{t(`call.direction.${call.direction}`)} </span>
                        {time.format(call.startedAt)} · {unanswered ? t('recent.missed') : formatDuration(Math.round(call.durationSeconds))}
                      </span>
                    </span>
                    {digits !== '' && (
                      <button
                        type="button"
                        className="slds-button slds-button_icon slds-button_icon-border-filled"
                        title={t('recent.callBack', { number: shown })}
                        disabled={!canCall || !agent.phoneRegistered}
                        onClick={() => void actions.dial(digits)}
                      >
                        <Icon name="call" className="slds-button__icon" />
                        <span className="slds-assistive-text">{t('recent.callBack', { number: shown })}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
