import { describe, expect, it } from 'vitest';
import { LOG_LIMIT, LOG_TRIM, MockHost } from './host-core';
import { OrgMirror } from './org-client';
import type { HostParams } from './params';

const params: HostParams = { mode: 'lightning', lang: 'en', user: 'agent01', panelOrigin: 'http://127.0.0.1:5173', panelPath: '/', popout: null };

describe('the Open CTI log of the mock host', () => {
  it('keeps at most the newest LOG_LIMIT lines, lets the oldest LOG_TRIM go at once, and counts them', () => {
    const host = new MockHost(params, new OrgMirror());
    for (let i = 0; i < LOG_LIMIT + 5; i++) host.logWire('note', `line ${i}`);
    const log = host.wireLog();
    const { logDropped } = host.store.getState();
    expect(LOG_LIMIT).toBeGreaterThanOrEqual(20_000);
    expect(log).toHaveLength(LOG_LIMIT + 5 - LOG_TRIM);
    expect(logDropped).toBe(LOG_TRIM);
    expect(log[0]?.text).toBe(`line ${LOG_TRIM}`);
    expect(log.at(-1)?.text).toBe(`line ${LOG_LIMIT + 4}`);
    host.clearWireLog();
    expect(host.wireLog()).toEqual([]);
    expect(host.store.getState().logDropped).toBe(0);
  });

  it('drops nothing below the cap', () => {
    const host = new MockHost(params, new OrgMirror());
    for (let i = 0; i < 1500; i++) host.logWire('in', `line ${i}`);
    expect(host.store.getState()).toMatchObject({ logDropped: 0 });
    expect(host.wireLog()).toHaveLength(1500);
  });
});
