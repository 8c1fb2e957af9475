/** Every Open CTI message both ways, the ones the host dropped and its notes: filter, copy, clear. */
import { useMemo, useState } from 'react';
import { useHost, useMock } from './context';
import { LOG_LIMIT, type WireLogEntry } from './host-core';

/** Lines drawn on the page; the rest is filtered and copied all the same (a DOM of 20,000 rows is slow). */
const RENDERED = 1000;

const ARROWS: Record<WireLogEntry['direction'], string> = { in: 'panel → host', out: 'host → panel', dropped: 'DROPPED', note: 'note' };

function formatEntry(e: WireLogEntry): string {
  return `${new Date(e.at).toISOString()} ${ARROWS[e.direction]} ${e.text}`;
}

export function WireLog() {
  const { host } = useMock();
  const version = useHost((s) => s.logVersion);
  const dropped = useHost((s) => s.logDropped);
  const [filter, setFilter] = useState('');
  const [direction, setDirection] = useState<'all' | WireLogEntry['direction']>('all');
  const [copied, setCopied] = useState<string | null>(null);
  const { shown, total } = useMemo(() => {
    const log = host.wireLog();
    const needle = filter.trim().toLowerCase();
    // Unfiltered, the log is shown as it is: no pass over 20,000 lines on every message.
    if (needle === '' && direction === 'all') return { shown: log, total: log.length };
    const lines = log.filter((e) => (direction === 'all' || e.direction === direction) && (needle === '' || e.text.toLowerCase().includes(needle)));
    return { shown: lines, total: log.length };
  }, [host, version, filter, direction]); // eslint-disable-line react-hooks/exhaustive-deps -- version says the log changed

  const copy = () => {
    const text = [`Mock-CTI ${host.params.mode} · ${host.params.user} · ${window.location.href}`, ...shown.map(formatEntry)].join('\n');
    navigator.clipboard.writeText(text).then(
      () => setCopied(`Copied ${shown.length} lines.`),
      () => setCopied('The browser refused the clipboard; select the lines and copy them.'),
    );
  };

  return (
    <section aria-label="Open CTI log" className="wire-log">
      <div className="wire-log__tools">
        <label>
          Filter
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="method, call id, text…" />
        </label>
        <label>
          Direction
          <select value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
            <option value="all">All</option>
            <option value="in">Panel → host</option>
            <option value="out">Host → panel</option>
            <option value="dropped">Dropped</option>
            <option value="note">Host notes</option>
          </select>
        </label>
        <button type="button" onClick={copy}>
          Copy log
        </button>
        <button type="button" onClick={() => host.clearWireLog()}>
          Clear log
        </button>
      </div>
      <p role="status" aria-label="Open CTI log status">
        {`${shown.length} of ${total} messages`}
        {shown.length > RENDERED ? ` (the newest ${RENDERED} shown; Copy log copies all ${shown.length})` : ''}
        {dropped > 0 ? ` · ${dropped} older messages dropped (the log keeps at most the newest ${LOG_LIMIT})` : ''}
        {copied ? ` · ${copied}` : ''}
      </p>
      <ol className="qa__log" aria-label="Open CTI messages">
        {shown.slice(-RENDERED).map((e) => (
          <li key={e.id} className={`qa__log-${e.direction}`}>
            <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().slice(11, 23)}</time> <strong>{ARROWS[e.direction]}</strong> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
