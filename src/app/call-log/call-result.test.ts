import { describe, expect, it } from 'vitest';
import type { EndReason } from '../../protocol';
import type { CallEntry } from '../store';
import { FakeHost, endedEntry, leaderStore } from '../testing/fake-host.test-support';
import { CallLogger } from './call-logger';
import { MemoryOutbox } from './outbox';

const flush = () => new Promise((r) => setTimeout(r, 30));

const ended = (endReason: EndReason, disposition = '') => endedEntry({ endReason }, { disposition });

async function taskFor(entry: CallEntry) {
  const store = leaderStore({ calls: [entry] });
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
});
