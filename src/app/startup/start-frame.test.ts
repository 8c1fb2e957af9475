import { describe, expect, it, vi } from 'vitest';
import { HostError, type CtiHost } from '../../salesforce/types';
import { createPanelStore, selectPhase } from '../store';
import { messagesLoaded } from '../i18n';
import { startFrame } from './start-frame';

/** A Salesforce that answers nothing until `release` is called, and records the order of calls. */
function slowSalesforce() {
  const order: string[] = [];
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  const host = {
    kind: 'lightning',
    notifyInitializationComplete: () => order.push('notifyInitializationComplete'),
    getCallCenterSettings: async () => {
      order.push('getCallCenterSettings');
      await answered;
      return { '/biztelSettings/serverUrl': 'https://s1.u.biztel.jp:8000/' };
    },
    runApex: () => {
      order.push('runApex');
      return Promise.resolve(JSON.stringify({ userId: '0055555000001AA', language: 'ja' }));
    },
  } as unknown as CtiHost;
  return { host, order, release };
}

describe('start-up in a Salesforce tab', () => {
  it('tells Salesforce the panel is up as soon as it can show itself, before a slow Salesforce answers', async () => {
    const store = createPanelStore('en');
    const { host, order, release } = slowSalesforce();
    const started = startFrame({ store, launch: { kind: 'lightning', sfdcOrigin: 'https://acme.lightning.force.com' }, connectHost: () => Promise.resolve(host), ownHostname: 'acme--c.vf.force.com', stopped: () => false });
    await new Promise((r) => setTimeout(r, 10));
    // Both questions go out at once, after Salesforce heard the panel is up.
    expect(order[0]).toBe('notifyInitializationComplete');
    expect(order.slice(1).sort()).toEqual(['getCallCenterSettings', 'runApex']);
    expect(selectPhase(store.getState())).toBe('starting'); // the panel says so while Salesforce is slow
    release();
    expect(await started).toMatchObject({ info: { userId: '0055555000001AA', serverUrl: 'https://s1.u.biztel.jp:8000/' } });
    expect(store.getState().frame).toMatchObject({ status: 'started', hostKind: 'lightning', salesforceLang: 'ja' });
  });

  it('says when the panel was opened outside Salesforce, and when Open CTI cannot run', async () => {
    const bare = createPanelStore('en');
    expect(await startFrame({ store: bare, launch: { kind: null, sfdcOrigin: null }, connectHost: () => Promise.reject(new Error('unused')), ownHostname: 'x', stopped: () => false })).toBeNull();
    expect(selectPhase(bare.getState())).toBe('bare');
    const broken = createPanelStore('en');
    await startFrame({ store: broken, launch: { kind: 'classic', sfdcOrigin: null }, connectHost: () => Promise.reject(new Error('no sforce')), ownHostname: 'x', stopped: () => false });
    expect(broken.getState().frame.failure).toMatchObject({ kind: 'openCtiUnavailable', detail: 'no sforce' });
  });

  it('says a server URL failure in the language Salesforce named for the user', async () => {
    const store = createPanelStore('en');
    const host = {
      kind: 'lightning',
      notifyInitializationComplete: () => {},
      getCallCenterSettings: () => Promise.resolve({ '/biztelSettings/serverUrl': '' }),
      runApex: () => Promise.resolve(JSON.stringify({ userId: '0055555000001AA', language: 'ja' })),
    } as unknown as CtiHost;
    await startFrame({ store, launch: { kind: 'lightning', sfdcOrigin: null }, connectHost: () => Promise.resolve(host), ownHostname: 'x', stopped: () => false });
    expect(store.getState().frame).toMatchObject({ failure: { kind: 'serverUrlMissing' }, salesforceLang: 'ja' });
    expect(messagesLoaded('ja')).toBe(true);
  });

  it('shows the settings failure, not the Salesforce session the user question was waiting for', async () => {
    vi.useFakeTimers();
    try {
      const store = createPanelStore('en');
      let settingsFail = () => {};
      let userQuestions = 0;
      const host = {
        kind: 'lightning',
        notifyInitializationComplete: () => {},
        getCallCenterSettings: () => new Promise((_, reject) => (settingsFail = () => reject(new Error('no settings')))),
        // Salesforce's session is gone: the user question waits for it to come back, asking again.
        runApex: () => {
          userQuestions += 1;
          return Promise.reject(new HostError('SERVER_ERROR', 'session expired'));
        },
      } as unknown as CtiHost;
      const started = startFrame({ store, launch: { kind: 'lightning', sfdcOrigin: null }, connectHost: () => Promise.resolve(host), ownHostname: 'x', stopped: () => false, sessionRetryMs: 1000 });
      await vi.advanceTimersByTimeAsync(2500);
      expect(store.getState().frame.failure).toMatchObject({ kind: 'salesforceSession' });
      settingsFail();
      expect(await started).toBeNull();
      const asked = userQuestions;
      await vi.advanceTimersByTimeAsync(10_000);
      expect(userQuestions).toBe(asked); // the user question stopped with the settings' failure
      expect(store.getState().frame.failure).toMatchObject({ kind: 'openCtiUnavailable', detail: 'no settings' });
    } finally {
      vi.useRealTimers();
    }
  });
});
