import { describe, expect, it } from 'vitest';
import type { EndReason } from '../protocol';
import { makeCall } from '../protocol/fixtures';
import { PanelActions } from './actions';
import { CallLogger } from './call-logger';
import { FakeHost } from './fake-host.test-support';
import { MemoryOutbox } from './outbox';
import type { CallChange, CommandPort } from './port';
import { createPanelStore, type CallEntry } from './store';
import { RemotePort, servePort } from './tabs/remote-port';
import type { TabRpc } from './tabs/rpc';

const flush = () => new Promise((r) => setTimeout(r, 30));

function endedEntry(endReason: EndReason, disposition = ''): CallEntry {
  const connectedAt = endReason === 'completed' ? 1000 : null;
  return {
    call: makeCall({ state: 'ended', connectedAt, endedAt: 5000, endReason }),
    records: [],
    searched: true,
    popped: false,
    noPop: null,
    chosenRecordId: null,
    contextRecord: null,
    notes: '',
    disposition,
    earlierTalkSeconds: 0,
    log: { status: 'none', taskId: null, error: null, attempts: 0 },
  };
}

async function taskFor(entry: CallEntry) {
  const store = createPanelStore('en');
  store.setState({ calls: { [entry.call.callId]: entry } });
  const host = new FakeHost();
  new CallLogger(store, () => host, new MemoryOutbox()).callEnded(entry.call.callId);
  await flush();
  return host.tasks.get(entry.call.callId);
}

describe('the call result the agent types (CallDisposition)', () => {
  it('goes to the Task; declined and missed calls keep Declined / Missed unless the agent types one', async () => {
    expect(await taskFor(endedEntry('completed', '  Resolved: refund sent '))).toMatchObject({ CallDisposition: 'Resolved: refund sent' });
    expect(await taskFor(endedEntry('declined'))).toMatchObject({ CallDisposition: 'Declined' });
    expect(await taskFor(endedEntry('missed', '   '))).toMatchObject({ CallDisposition: 'Missed' });
    expect(await taskFor(endedEntry('missed', 'Call back on Monday'))).toMatchObject({ CallDisposition: 'Call back on Monday' });
  });

  it('typed after the call rewrites the same Task', async () => {
    const store = createPanelStore('en');
    const entry = endedEntry('completed');
    store.setState({ calls: { [entry.call.callId]: entry } });
    const host = new FakeHost();
    const logger = new CallLogger(store, () => host, new MemoryOutbox(), { notesDebounceMs: 5 });
    logger.callEnded(entry.call.callId);
    await flush();
    const port = { updateCall: (callId: string, change: CallChange) => logger.changed(callId, change.disposition !== undefined) } as unknown as CommandPort;
    new PanelActions(store, () => port, () => null).setDisposition(entry.call.callId, 'Sold');
    await flush();
    expect(host.tasks.size).toBe(1);
    expect(host.tasks.get(entry.call.callId)).toMatchObject({ CallDisposition: 'Sold', Id: '00T000000000001' });
  });

  it('travels from a follower tab to the leader, which checks its length', async () => {
    let handler: ((args: unknown) => Promise<unknown>) | undefined;
    const rpc = {
      handle: (_method: string, h: (args: unknown) => Promise<unknown>) => (handler = h),
      request: (_to: string, _method: string, args: unknown) => handler!(args),
    } as unknown as TabRpc;
    const changes: CallChange[] = [];
    const leader = { updateCall: (_id: string, change: CallChange) => changes.push(change), reportSalesforceError: () => {} } as unknown as CommandPort & {
      reportSalesforceError(error: unknown): void;
    };
    servePort(rpc, () => leader);
    const follower = new RemotePort(rpc, () => 'leader', () => {});
    follower.updateCall('BZ1', { disposition: 'Resolved' });
    await flush();
    expect(changes).toEqual([{ disposition: 'Resolved' }]);
    expect(await handler!({ op: 'updateCall', callId: 'BZ1', disposition: 'x'.repeat(256) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
