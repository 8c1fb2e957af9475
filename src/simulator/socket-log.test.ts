import { describe, expect, it } from 'vitest';
import { SocketLog, redact, type SocketLogNews } from './socket-log';

const entry = (event: string, payload?: unknown) => ({ direction: 'in' as const, agent: 'agent01', socket: 's1', event, payload });

describe('the socket log', () => {
  it('takes passwords and tokens out of every payload, at any depth, and leaves the rest', () => {
    expect(redact({ loginId: 'agent01', password: 'biztel' })).toEqual({ loginId: 'agent01', password: '[redacted]' });
    expect(redact({ ok: true, data: { token: 'abc', calls: [{ callId: '1', nested: { token: 'x' } }] } })).toEqual({
      ok: true,
      data: { token: '[redacted]', calls: [{ callId: '1', nested: { token: '[redacted]' } }] },
    });
    expect(redact({ token: null, lastSeq: 3 })).toEqual({ token: null, lastSeq: 3 });
    expect(redact('plain')).toBe('plain');
    const log = new SocketLog();
    const original = { loginId: 'agent01', password: 'biztel' };
    log.record(entry('signIn', original));
    expect(log.entries()[0]?.payload).toEqual({ loginId: 'agent01', password: '[redacted]' });
    expect(original.password).toBe('biztel'); // the payload sent is not changed
  });

  it('numbers entries, keeps at most its limit (dropping the oldest in steps) and answers what came after an id', () => {
    const log = new SocketLog(20);
    for (let i = 0; i < 25; i++) log.record(entry(`e${i}`));
    const kept = log.entries();
    expect(kept.length).toBeLessThanOrEqual(20);
    expect(kept.length).toBeGreaterThanOrEqual(18);
    expect(kept.at(-1)).toMatchObject({ id: 25, event: 'e24' });
    expect(kept.map((e) => e.id)).toEqual([...kept.map((e) => e.id)].sort((a, b) => a - b));
    expect(log.entries(23).map((e) => e.id)).toEqual([24, 25]);
    expect(log.entries(25)).toEqual([]);
    expect(log.entries(1)[0]?.id).toBe(kept[0]?.id); // older than kept: everything kept
  });

  it('tells its listeners of each entry and of a clear; ids keep rising after a clear', () => {
    const log = new SocketLog();
    const news: SocketLogNews[] = [];
    const off = log.subscribe((n) => news.push(n));
    log.record(entry('a'));
    log.clear();
    log.record(entry('b'));
    off();
    log.record(entry('c'));
    expect(news.map((n) => (n.kind === 'entry' ? `${n.entry.id}:${n.entry.event}` : n.kind))).toEqual(['1:a', 'cleared', '2:b']);
    expect(log.entries().map((e) => e.event)).toEqual(['b', 'c']);
  });
});
