import { describe, expect, it } from 'vitest';
import { makeCall } from '../../protocol/fixtures';
import { endedEntry } from '../testing/fake-host.test-support';
import { MAX_ALERTS } from './alert-rules';
import type { AgentSession, CallEntry } from './shared-schema';
import type { Alert } from './state';
import { createPanelStore } from './store';

const SESSION: AgentSession = {
  agent: { loginId: 'agent01', name: 'エージェント01', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null },
  statuses: [],
  callerIds: [],
  settings: {},
};

const liveEntry = (callId: string): CallEntry => ({ ...endedEntry({ callId }), call: makeCall({ callId, state: 'connected', connectedAt: 1000 }) });

function signedInStore() {
  const store = createPanelStore('ja');
  store.getState().linkChanged('ready', null);
  store.getState().signedIn(SESSION);
  return store;
}

const keys = (store: ReturnType<typeof createPanelStore>) => store.getState().local.alerts.map((a) => a.key);

const offline: Omit<Alert, 'id'> = { key: 'error.OFFLINE', tone: 'error', cause: { kind: 'link' } };
const badNumber: Omit<Alert, 'id'> = { key: 'dial.invalid.notANumber', params: { number: 'abc' }, tone: 'error', cause: { kind: 'field', field: 'dialNumber' } };

describe('an alert goes when its cause is over', () => {
  it('"not connected" goes when the link is ready again, not while it is still reconnecting', () => {
    const store = signedInStore();
    store.getState().linkChanged('reconnecting', 'transport close');
    store.getState().alertShown(offline);
    store.getState().linkChanged('reconnecting', 'xhr poll error');
    expect(keys(store)).toEqual(['error.OFFLINE']);
    store.getState().linkChanged('ready', null);
    expect(keys(store)).toEqual([]);
  });

  it('in a follower too, when the leader’s state says the link is back', () => {
    const store = signedInStore();
    const leader = signedInStore();
    leader.getState().linkChanged('reconnecting', null);
    store.getState().applyShared(leader.getState().shared);
    store.getState().alertShown(offline);
    leader.getState().linkChanged('ready', null);
    store.getState().applyShared(leader.getState().shared);
    expect(keys(store)).toEqual([]);
  });

  it('"click-to-call cannot dial now" goes when the call that stood in the way ends, and not before', () => {
    const store = signedInStore();
    store.getState().callChanged(liveEntry('C1'));
    store.getState().alertShown({ key: 'clickToCall.unavailable', tone: 'warning', cause: { kind: 'clickToCall' } });
    store.getState().alertShown(badNumber);
    store.getState().linkChanged('ready', null);
    expect(keys(store)).toEqual(['clickToCall.unavailable', 'dial.invalid.notANumber']);
    store.getState().callChanged(endedEntry({ callId: 'C1' }));
    expect(keys(store)).toEqual(['dial.invalid.notANumber']);
  });

  it('"click-to-call cannot dial now" goes when the link is back', () => {
    const store = signedInStore();
    store.getState().linkChanged('reconnecting', 'transport close');
    store.getState().alertShown({ key: 'clickToCall.unavailable', tone: 'warning', cause: { kind: 'clickToCall' } });
    store.getState().linkChanged('reconnecting', 'xhr poll error');
    expect(keys(store)).toEqual(['clickToCall.unavailable']);
    store.getState().linkChanged('ready', null);
    expect(keys(store)).toEqual([]);
  });

  it('a field’s alert goes when the agent edits that field, and another field’s stays', () => {
    const store = signedInStore();
    store.getState().callChanged(liveEntry('C1'));
    store.getState().alertShown({ key: 'transfer.targetRequired', tone: 'error', cause: { kind: 'field', field: 'transferTarget', callId: 'C1' } });
    store.getState().alertShown(badNumber);
    store.getState().alertsResolved({ kind: 'field', field: 'transferTarget' });
    expect(keys(store)).toEqual(['dial.invalid.notANumber']);
  });

  it('editing a field nothing was said about changes nothing: no subscriber wakes on each keystroke', () => {
    const store = signedInStore();
    store.getState().alertShown(badNumber);
    let woken = 0;
    const off = store.subscribe(() => (woken += 1));
    store.getState().alertsResolved({ kind: 'field', field: 'signIn' });
    store.getState().alertsResolved({ kind: 'field', field: 'transferTarget' });
    expect(woken).toBe(0);
    store.getState().alertsResolved({ kind: 'field', field: 'dialNumber' });
    expect(woken).toBe(1);
    off();
  });

  it('a new number in the dial pad ends what was said of the last one; the same text does not', () => {
    const store = signedInStore();
    store.getState().dialDraftChanged('abc', null);
    store.getState().alertShown(badNumber);
    store.getState().dialDraftChanged('abc', null);
    expect(keys(store)).toEqual(['dial.invalid.notANumber']);
    store.getState().dialDraftChanged('0312345678', null);
    expect(keys(store)).toEqual([]);
  });

  it('sign-out ends what was said of the agent’s work, fields and calls; not that the server is unreachable', () => {
    const store = signedInStore();
    store.getState().callChanged(liveEntry('C1'));
    store.getState().alertShown(badNumber);
    store.getState().alertShown({ key: 'clickToCall.unavailable', tone: 'warning', cause: { kind: 'agent' } });
    store.getState().alertShown({ key: 'error.INVALID_STATE', tone: 'error', cause: { kind: 'call', callId: 'C1' } });
    store.getState().linkChanged('reconnecting', null);
    store.getState().alertShown(offline);
    store.getState().signedOut(null);
    expect(keys(store)).toEqual(['error.OFFLINE']);
  });

  it('what went wrong on a call goes when the call ends', () => {
    const store = signedInStore();
    store.getState().callChanged(liveEntry('C1'));
    store.getState().alertShown({ key: 'error.TARGET_UNAVAILABLE', tone: 'error', cause: { kind: 'field', field: 'transferTarget', callId: 'C1' } });
    store.getState().alertShown({ key: 'error.INVALID_STATE', tone: 'error', cause: { kind: 'call', callId: 'C1' } });
    store.getState().callChanged(endedEntry({ callId: 'C1' }));
    expect(keys(store)).toEqual([]);
  });

  it('a sign-in failure goes once signed in', () => {
    const store = createPanelStore('ja');
    store.getState().alertShown({ key: 'error.AUTH_FAILED', tone: 'error', cause: { kind: 'field', field: 'signIn' } });
    store.getState().alertShown({ key: 'error.NOT_SIGNED_IN', tone: 'error', cause: { kind: 'signIn' } });
    store.getState().signedIn(SESSION);
    expect(keys(store)).toEqual([]);
  });

  it('a failed Salesforce call goes when that call works again (alertsResolved), others stay', () => {
    const store = signedInStore();
    store.getState().alertShown({ key: 'error.salesforce', params: { detail: 'a' }, tone: 'warning', cause: { kind: 'salesforce', what: 'clickToDial' } });
    store.getState().alertShown(offline);
    store.getState().alertsResolved({ kind: 'salesforce', what: 'clickToDial' });
    expect(keys(store)).toEqual(['error.OFFLINE']);
  });
});

describe('each problem is said once', () => {
  it('bad transfer targets do not stack: the field has one alert, the latest', () => {
    const store = signedInStore();
    store.getState().callChanged(liveEntry('C1'));
    const about = { kind: 'field', field: 'transferTarget', callId: 'C1' } as const;
    store.getState().alertShown({ key: 'transfer.targetRequired', tone: 'error', cause: about });
    store.getState().alertShown({ key: 'error.INVALID_NUMBER', tone: 'error', cause: about });
    store.getState().alertShown({ key: 'error.TARGET_UNAVAILABLE', tone: 'error', cause: about });
    expect(keys(store)).toEqual(['error.TARGET_UNAVAILABLE']);
  });

  it('the same message again replaces the earlier one; at most MAX_ALERTS show', () => {
    const store = signedInStore();
    store.getState().alertShown(offline);
    store.getState().alertShown(offline);
    expect(keys(store)).toEqual(['error.OFFLINE']);
    const more = ['error.TIMEOUT', 'error.BAD_RESPONSE', 'error.BAD_REQUEST', 'error.INTERNAL', 'error.UNSUPPORTED', 'error.NO_SUCH_CALL'] as const;
    for (const key of more) store.getState().alertShown({ key, tone: 'error', cause: { kind: 'agent' } });
    expect(keys(store)).toEqual(more.slice(-MAX_ALERTS));
  });

  it('the Salesforce session timeout: the signed-out notice says it; no second (red) alert, and both go when Salesforce is back', () => {
    const store = signedInStore();
    store.getState().alertShown({ key: 'error.salesforce', params: { detail: 'SERVER_ERROR' }, tone: 'warning', cause: { kind: 'salesforce', what: 'directory' } });
    store.getState().salesforceSessionChanged(true);
    store.getState().signedOut('salesforceSession');
    // The failed directory load was the same problem: said by the notice now.
    expect(keys(store)).toEqual([]);
    store.getState().alertShown({ key: 'signedOut.salesforceSession', tone: 'error', cause: { kind: 'salesforce', what: 'session' } });
    expect(keys(store)).toEqual([]);
    expect(store.getState().shared.signedOutReason).toBe('salesforceSession');
    store.getState().salesforceSessionChanged(false);
    expect(store.getState().shared.signedOutReason).toBeNull();
  });

  it('without the notice (signed out for another reason), a sign-in refused for the session is said, and goes when Salesforce is back', () => {
    const store = createPanelStore('ja');
    store.getState().salesforceSessionChanged(true);
    store.getState().alertShown({ key: 'signedOut.salesforceSession', tone: 'error', cause: { kind: 'salesforce', what: 'session' } });
    expect(keys(store)).toEqual(['signedOut.salesforceSession']);
    store.getState().salesforceSessionChanged(false);
    expect(keys(store)).toEqual([]);
  });

  it('another reason to be signed out stays after Salesforce is back', () => {
    const store = signedInStore();
    store.getState().salesforceSessionChanged(true);
    store.getState().signedOut('signedInElsewhere');
    store.getState().salesforceSessionChanged(false);
    expect(store.getState().shared.signedOutReason).toBe('signedInElsewhere');
  });

  it('"session ended" from a command is not said beside the signed-out notice', () => {
    const store = signedInStore();
    store.getState().signedOut('expired');
    store.getState().alertShown({ key: 'error.SESSION_EXPIRED', tone: 'error', cause: { kind: 'signIn' } });
    expect(keys(store)).toEqual([]);
  });

  it('"the phone is not running" is the phone notice’s while it shows, and goes when the phone runs', () => {
    const store = signedInStore();
    store.getState().agentChanged({ ...SESSION.agent, phoneRegistered: false });
    store.getState().alertShown({ key: 'error.PHONE_NOT_REGISTERED', tone: 'error', cause: { kind: 'phone' } });
    expect(keys(store)).toEqual([]);
    // Said while the panel still thought the phone ran (the server knew better):
    store.getState().agentChanged(SESSION.agent);
    store.getState().alertShown({ key: 'error.PHONE_NOT_REGISTERED', tone: 'error', cause: { kind: 'phone' } });
    store.getState().agentChanged({ ...SESSION.agent, phoneRegistered: false });
    expect(keys(store)).toEqual([]);
  });

  it('a shared change that ends nothing leaves the alerts as they are (the same array)', () => {
    const store = signedInStore();
    store.getState().alertShown(badNumber);
    const before = store.getState().local;
    store.getState().callChanged(liveEntry('C2'));
    expect(store.getState().local).toBe(before);
  });
});
