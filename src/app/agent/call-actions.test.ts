import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../biztel/link';
import { makeCall } from '../../protocol/fixtures';
import type { CommandPort } from '../leader';
import { createPanelStore, type ContextRecord } from '../store';
import { CallActions } from './call-actions';

const record = { recordId: '0035555000003AA', name: '高橋 健' };

/** A port that places every call and remembers each command sent and the record each call was placed for. */
function recordingPort() {
  const placedFor: (ContextRecord | null)[] = [];
  const commands: { name: string; request: unknown }[] = [];
  const port = {
    expectPlacedCall: (context: ContextRecord | null) => placedFor.push(context),
    updateCall: () => {}, // the leader, which would echo typing back, is not here
    command: (name: string, request: unknown) => {
      commands.push({ name, request });
      return Promise.resolve({ ok: true, data: makeCall({ state: 'dialing' }) } as CommandResult<never>);
    },
  } as unknown as CommandPort;
  return { port, placedFor, commands };
}

function actionsWith(port: CommandPort | null = null) {
  const store = createPanelStore('en');
  const actions = new CallActions({
    store,
    port: () => port,
    navigation: () => null,
    signIn: () => Promise.resolve({ ok: true, data: {} }),
    loadLanguage: () => Promise.resolve(),
  });
  return { store, actions };
}

describe('the dial pad and the click-to-call record', () => {
  it('keeps the clicked record while the digits are still the clicked number, however written', () => {
    const { actions } = actionsWith();
    actions.setDialDraft('045-333-4444', record);
    expect(actions.dialContext()).toEqual(record);
    actions.setDialDraft('045 333 4444');
    actions.setDialDraft('０４５３３３４４４４');
    expect(actions.dialContext()).toEqual(record);
  });

  it('forgets the record once the agent edits the number into another one', () => {
    const { actions, store } = actionsWith();
    actions.setDialDraft('045-333-4444', record);
    actions.setDialDraft('045-333-4445');
    expect(actions.dialContext()).toBeNull();
    expect(store.getState().local.dialDraftContext).toBeNull();
    // Typing the clicked number again does not bring it back: the agent chose another number.
    actions.setDialDraft('045-333-4444');
    expect(actions.dialContext()).toBeNull();
  });

  it('forgets it when the field is cleared, and when a click carries no record', () => {
    const { actions } = actionsWith();
    actions.setDialDraft('045-333-4444', record);
    actions.setDialDraft('');
    expect(actions.dialContext()).toBeNull();
    actions.setDialDraft('045-333-4444', record);
    actions.setDialDraft('03-5555-0100', null);
    expect(actions.dialContext()).toBeNull();
  });

  it('places an edited number without the record, and the clicked number with it', async () => {
    const { port, placedFor, commands } = recordingPort();
    const { actions, store } = actionsWith(port);
    actions.setDialDraft('045-333-4444', record);
    actions.setDialDraft('045-333-4449');
    await actions.dial(store.getState().local.dialDraft, actions.dialContext());
    actions.setDialDraft('045-333-4444', record);
    await actions.dial(store.getState().local.dialDraft, actions.dialContext());
    expect(commands).toEqual([
      { name: 'dial', request: { number: '0453334449' } },
      { name: 'dial', request: { number: '0453334444' } },
    ]);
    expect(placedFor).toEqual([null, record]);
  });
});

describe('the hand-over (申し送り) sent with a transfer or a park', () => {
  const TAKAHASHI = { recordId: '0035555000003AA', name: '高橋 健', objectType: 'Contact' };
  const TANAKA = { recordId: '0035555000004AA', name: '田中 美咲', objectType: 'Contact' };

  function onCall(role: 'leader' | 'follower' = 'leader') {
    const { port, commands } = recordingPort();
    const { store, actions } = actionsWith(port);
    const call = makeCall({ state: 'connected', connectedAt: 1 });
    store.getState().callChanged({
      call,
      records: [TAKAHASHI, TANAKA],
      searched: true,
      popped: true,
      noPop: null,
      chosenRecordId: TANAKA.recordId,
      contextRecord: null,
      notes: '住所変更の依頼',
      disposition: '折り返し希望',
      earlierTalkSeconds: 0,
      endedLocally: false,
      logFillOnly: false,
      log: { status: 'none', taskId: null, error: null, attempts: 0, writes: 0 },
    });
    store.getState().roleChanged(role);
    return { store, actions, commands, callId: call.callId };
  }

  const expected = { notes: '住所変更の依頼', result: '折り返し希望', record: TANAKA };

  it('carries the notes, the result and the linked record on blind and consult transfers, on Complete transfer and on park', async () => {
    const { actions, commands, callId } = onCall();
    await actions.transfer(callId, 'agent02', 'blind');
    await actions.transfer(callId, ' 2003 ', 'consult');
    await actions.completeTransfer(callId);
    await actions.park(callId);
    expect(commands).toEqual([
      { name: 'transfer', request: { callId, target: 'agent02', mode: 'blind', handover: expected } },
      { name: 'transfer', request: { callId, target: '2003', mode: 'consult', handover: expected } },
      { name: 'completeTransfer', request: { callId, handover: expected } },
      { name: 'park', request: { callId, handover: expected } },
    ]);
  });

  it('in a follower, with what the agent typed in this tab even before the leader echoed it', async () => {
    const { actions, commands, callId } = onCall('follower');
    actions.setNotes(callId, '住所変更の依頼。書類は送付済み。');
    await actions.transfer(callId, 'agent02', 'blind');
    expect(commands.at(-1)?.request).toMatchObject({ handover: { notes: '住所変更の依頼。書類は送付済み。', result: '折り返し希望' } });
  });
});
