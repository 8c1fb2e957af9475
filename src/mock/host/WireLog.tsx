/** Every Open CTI message both ways, the ones the host dropped and its notes: filter, copy, clear. */
import { useMemo, useState } from 'react';
import { useHost, useMock } from './context';
import { LOG_LIMIT, type WireLogEntry } from './host-core';
import { useText } from './i18n';
import { Button, Select, TextInput } from './slds';

/** Lines drawn on the page; the rest is filtered and copied all the same (a DOM of 20,000 rows is slow). */
export const RENDERED = 1000;

const ARROWS: Record<WireLogEntry['direction'], string> = { in: 'panel → host', out: 'host → panel', dropped: 'DROPPED', note: 'note' };

function formatEntry(e: WireLogEntry): string {
  return `${new Date(e.at).toISOString()} ${ARROWS[e.direction]} ${e.text}`;
}

export function WireLog() {
  const { host } = useMock();
  const t = useText().log;
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
      () => setCopied(t.copied(shown.length)),
      () => setCopied(t.clipboardRefused),
    );
  };

  return (
    <section aria-label={t.region} className="wire-log">
      <div className="wire-log__tools">
        <TextInput type="search" label={t.filter} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t.filterPlaceholder} />
        <Select label={t.direction} value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
          {(['all', 'in', 'out', 'dropped', 'note'] as const).map((d) => (
            <option key={d} value={d}>
              {t.directions[d]}
            </option>
          ))}
        </Select>
        <Button icon="copy" onClick={copy}>
          {t.copy}
        </Button>
        <Button icon="delete" onClick={() => host.clearWireLog()}>
          {t.clear}
        </Button>
      </div>
      <p role="status" aria-label={t.statusName} className="wire-log__status">
        {t.count(shown.length, total)}
        {shown.length > RENDERED ? t.newest(RENDERED, shown.length) : ''}
        {dropped > 0 ? t.dropped(dropped, LOG_LIMIT) : ''}
        {copied ? ` · ${copied}` : ''}
      </p>
      <ol className="qa__log" aria-label={t.list}>
        {shown.slice(-RENDERED).map((e) => (
          <li key={e.id} className={`qa__log-${e.direction}`}>
            <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().slice(11, 23)}</time> <strong>{ARROWS[e.direction]}</strong> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
