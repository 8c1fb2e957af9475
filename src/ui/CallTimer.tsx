import { useEffect, useState } from 'react';
import type { Call } from '../protocol';
import { talkSeconds } from '../domain/call';
import { usePanel, useT } from './context';

const pad = (n: number) => String(n).padStart(2, '0');
export const formatDuration = (seconds: number) =>
  seconds >= 3600 ? `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` : `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;

/** Talk time from the PBX's timestamps, ticking every second while the call is up. */
export function CallTimer({ call }: { call: Call }) {
  const t = useT();
  const offset = usePanel((s) => s.shared.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  const running = call.connectedAt !== null && call.endedAt === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (call.connectedAt === null) return null;
  const seconds = talkSeconds(call, now + offset);
  return (
    <p className="call__timer">
      <span className="slds-assistive-text">{t('call.timer')} </span>
      <time dateTime={`PT${seconds}S`}>{formatDuration(seconds)}</time>
    </p>
  );
}
