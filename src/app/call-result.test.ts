import { describe, expect, it } from 'vitest';
import type { EndReason } from '../protocol';
import { CallLogger } from './call-logger';
import { FakeHost, endedEntry } from './fake-host.test-support';
import { MemoryOutbox } from './outbox';
import type { CallChange, CommandPort } from './port';
import { createPanelStore, type CallEntry } from './store';
import { RemotePort, servePort } from './tabs/remote-port';
import type { TabRpc } from './tabs/rpc';

const flush = () => new Promise((r) => setTimeout(r, 30));

const ended = (endReason: EndReason, disposition = '') => endedEntry({ endReason }, { disposition });

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
    expect(await taskFor(ended('completed', '  Resolved: refund sent '))).toMatchObject({ CallDisposition: 'Resolved: refund sent' });
    expect(await taskFor(ended('declined'))).toMatchObject({ CallDisposition: 'Declined' });
    expect(await taskFor(ended('missed', '   '))).toMatchObject({ CallDisposition: 'Missed' });
    expect(await taskFor(ended('missed', 'Call back on Monday'))).toMatchObject({ CallDisposition: 'Call back on Monday' });
  });

  // Typed after the call, it rewrites the same Task: through the real leader, in leader.int.test.ts.

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
