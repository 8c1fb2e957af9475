/** Every Open CTI message both ways, the ones the host dropped and its notes: filter, copy, clear. */
import { useMemo, useState } from 'react';
import { useHost, useMock } from './context';
import type { WireLogEntry } from './host-core';

const ARROWS: Record<WireLogEntry['direction'], string> = { in: 'panel → host', out: 'host → panel', dropped: 'DROPPED', note: 'note' };

export function formatEntry(e: WireLogEntry): string {
  return `${new Date(e.at).toISOString()} ${ARROWS[e.direction]} ${e.text}`;
}

export function WireLog() {
  const { host } = useMock();
  const log = useHost((s) => s.log);
  const [filter, setFilter] = useState('');
  const [direction, setDirection] = useState<'all' | WireLogEntry['direction']>('all');
  const [copied, setCopied] = useState<string | null>(null);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return log.filter((e) => (direction === 'all' || e.direction === direction) && (needle === '' || e.text.toLowerCase().includes(needle)));
  }, [log, filter, direction]);

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
        {`${shown.length} of ${log.length} messages`}{copied ? ` · ${copied}` : ''}
      </p>
      <ol className="qa__log" aria-label="Open CTI messages">
        {shown.map((e) => (
          <li key={e.id} className={`qa__log-${e.direction}`}>
            <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().slice(11, 23)}</time> <strong>{ARROWS[e.direction]}</strong> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
