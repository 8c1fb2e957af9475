/**
 * The live BIZTEL log: every socket.io event between the simulator and the agents' panels, as the
 * simulator pushes them (commands, their answers, agent events, session ends, connections), beside
 * the Open CTI log. Filter by text, agent and direction; it keeps the newest lines as that log does.
 */
import { useMemo, useState } from 'react';
import { useMock, useStream } from './context';
import { useText } from './i18n';
import { BIZTEL_LOG_LIMIT, type SocketEvent } from './sim-stream';
import { USERS } from './params';
import { Button, Select, TextInput } from './slds';
import { RENDERED } from './WireLog';

const ARROWS: Record<SocketEvent['direction'], string> = { in: 'panel → server', out: 'server → panel', connect: 'connect', disconnect: 'disconnect' };
type Direction = 'all' | 'in' | 'out' | 'connection';

/** One line of text for an event: what it says in short, then its payload as JSON (cut). */
export function summarize(e: SocketEvent): string {
  const payload = e.payload === undefined ? '' : JSON.stringify(e.payload);
  return payload.length > 400 ? `${payload.slice(0, 400)}… (${payload.length} characters)` : payload;
}

const matches = (e: SocketEvent, direction: Direction): boolean =>
  direction === 'all' || (direction === 'connection' ? e.direction === 'connect' || e.direction === 'disconnect' : e.direction === direction);

export function BiztelLog() {
  const { stream } = useMock();
  const t = useText();
  const version = useStream((s) => s.logVersion);
  const dropped = useStream((s) => s.logDropped);
  const live = useStream((s) => s.live);
  const [filter, setFilter] = useState('');
  const [agent, setAgent] = useState('all');
  const [direction, setDirection] = useState<Direction>('all');
  const { shown, total } = useMemo(() => {
    const log = stream.events();
    const needle = filter.trim().toLowerCase();
    if (needle === '' && agent === 'all' && direction === 'all') return { shown: log, total: log.length };
    const lines = log.filter(
      (e) =>
        matches(e, direction) &&
        (agent === 'all' || (agent === 'none' ? e.agent === null : e.agent === agent)) &&
        (needle === '' || e.event.toLowerCase().includes(needle) || summarize(e).toLowerCase().includes(needle)),
    );
    return { shown: lines, total: log.length };
  }, [stream, version, filter, agent, direction]); // eslint-disable-line react-hooks/exhaustive-deps -- version says the log changed

  return (
    <section aria-label={t.biztel.region} className="wire-log">
      <div className="wire-log__tools">
        <TextInput type="search" label={t.log.filter} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="answer, agentEvent, call id…" />
        <Select label={t.biztel.agent} value={agent} onChange={(e) => setAgent(e.target.value)}>
          <option value="all">{t.biztel.allAgents}</option>
          {USERS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
          <option value="none">{t.biztel.noAgent}</option>
        </Select>
        <Select label={t.log.direction} value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
          {(['all', 'in', 'out', 'connection'] as const).map((d) => (
            <option key={d} value={d}>
              {t.biztel.directions[d]}
            </option>
          ))}
        </Select>
        <Button icon="delete" onClick={() => stream.clearLog()}>
          {t.log.clear}
        </Button>
      </div>
      <p role="status" aria-label={t.biztel.statusName} className="wire-log__status">
        <span className={live ? 'sim__live' : 'sim__offline'}>● {live ? t.biztel.live : t.biztel.offline}</span> · {t.biztel.count(shown.length, total)}
        {shown.length > RENDERED ? ` (${RENDERED})` : ''}
        {dropped > 0 ? t.log.dropped(dropped, BIZTEL_LOG_LIMIT) : ''}
      </p>
      <ol className="qa__log" aria-label={t.biztel.list}>
        {shown.slice(-RENDERED).map((e) => (
          <li key={e.id} className={`qa__log-${e.direction}`} data-event={e.event}>
            <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().slice(11, 23)}</time> <strong>{ARROWS[e.direction]}</strong>{' '}
            <span className="qa__log-agent">{e.agent ?? '—'}</span> <code>{e.event}</code> {summarize(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
