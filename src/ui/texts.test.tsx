// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import { endedEntry } from '../app/testing/fake-host.test-support';
import type { CallEntry } from '../app';
import { CallCard } from './CallCard';
import { RelatedRecords } from './RelatedRecords';
import { StartupFailureView, linkErrorKey } from './StartupScreens';
import { renderPanel, signedInPanel, update, type Rendered } from './test-support/render';

let rendered: Rendered | null = null;

const entry = (from: string | null, change: Partial<CallEntry> = {}): CallEntry => ({
  ...endedEntry({ callId: 'C1' }),
  call: makeCall({ callId: 'C1', from, state: 'connected', connectedAt: 1000 }),
  ...change,
});

describe('the texts of a call', () => {
  it('a withheld number says 非通知, never "no record matches"', async () => {
    rendered = await renderPanel(<RelatedRecords entry={entry(null, { noPop: 'noMatch' })} />, { panel: signedInPanel() });
    expect(rendered.container.textContent).toBe('');
  });

  it('"no record matches" names the number formatted', async () => {
    rendered = await renderPanel(<RelatedRecords entry={entry('0399990000', { noPop: 'noMatch' })} />, { panel: signedInPanel() });
    expect(rendered.container.textContent).toContain('03-9999-0000 に一致するレコードがありません');
  });

  it('object types in the agent’s language; a custom object by its API name', async () => {
    const records = [
      { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' },
      { recordId: '00Q5555000001AA', name: '佐藤 花子', objectType: 'Lead' },
      { recordId: 'a005555000001AA', name: '案件', objectType: 'Project__c' },
    ];
    rendered = await renderPanel(<RelatedRecords entry={entry('0355550101', { records })} />, { panel: signedInPanel() });
    const types = Array.from(rendered.container.querySelectorAll('.records__type')).map((e) => e.textContent);
    expect(types).toEqual(['取引先責任者', 'リード', 'Project__c']);
  });

  it('a blind transfer still ringing at an outside number reads 転送中, with the number formatted', async () => {
    const consult = { target: '0312340000', state: 'dialing', failure: null } as const;
    const call = makeCall({ callId: 'C1', state: 'connected', connectedAt: 1000, consult: { ...consult, kind: 'blind' } });
    rendered = await renderPanel(<CallCard />, { panel: signedInPanel() });
    const r = rendered;
    await update(() => r.store.getState().callChanged({ ...entry('0355550101'), call }));
    expect(r.container.querySelector('[role="status"]')?.textContent).toBe('転送中');
    expect(r.container.textContent).toContain('03-1234-0000 に転送中');
    // The same view as a consult is a consult.
    await update(() => r.store.getState().callChanged({ ...entry('0355550101'), call: { ...call, rev: call.rev + 1, consult: { ...consult, kind: 'consult' } } }));
    expect(r.container.querySelector('[role="status"]')?.textContent).toBe('打診中');
  });
});

describe('start-up failures', () => {
  it('say what the socket library meant in words, not its own text', async () => {
    expect(linkErrorKey('xhr poll error')).toBe('failure.link.blocked');
    expect(linkErrorKey('websocket error')).toBe('failure.link.blocked');
    expect(linkErrorKey('timeout')).toBe('failure.link.timeout');
    rendered = await renderPanel(<StartupFailureView />, { panel: signedInPanel() });
    const r = rendered;
    await update(() => {
      r.store.getState().frameStarted({ serverUrl: 'https://s1.u.biztel.jp:8000/', legacyPopupMode: null, salesforceLang: 'ja', keepsSession: true });
      r.store.getState().serverFailed({ kind: 'serverUnreachable', url: 'https://s1.u.biztel.jp:8000/', detail: 'xhr poll error' });
    });
    expect(r.container.textContent).toContain('ブラウザからサーバに接続できませんでした');
    expect(r.container.textContent).not.toContain('xhr poll error');
  });
});
