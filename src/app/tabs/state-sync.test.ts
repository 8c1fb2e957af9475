import { describe, expect, it } from 'vitest';
import { endedEntry } from '../fake-host.test-support';
import { pickShared } from '../shared-state';
import { createPanelStore, type CallEntry, type PanelState } from '../store';
import type { TabChannel } from './channel';
import type { TabMessage } from './messages';
import { StateReplica } from './state-sync';

// The guard is about what the agent types, whatever the call's state: an ended call's entry will do.
const entry = (change: Partial<CallEntry> = {}): CallEntry => endedEntry({ callId: 'BZ1' }, change);

/** A follower's replica, and a leader that posts its state with the given entry. */
function follower() {
  const listeners = new Set<(message: TabMessage) => void>();
  const channel: TabChannel = { panelId: 'follower', post: () => {}, on: (l) => (listeners.add(l), () => listeners.delete(l)), close: () => {} };
  const store = createPanelStore('en');
  const replica = new StateReplica(store, channel, (reason) => {
    throw new Error(reason);
  });
  let seq = 0;
  const leaderSends = (change: Partial<CallEntry>) => {
    const leaderState: PanelState = { ...createPanelStore('en').getState(), calls: { BZ1: entry(change) } };
    seq += 1;
    for (const l of listeners) l({ type: 'state', from: 'leader', seq, state: pickShared(leaderState, null) });
  };
  const shown = () => store.getState().calls.BZ1;
  return { replica, leaderSends, shown };
}

describe('a follower tab mirroring the leader', () => {
  it.each(['notes', 'disposition'] as const)('keeps the %s typed here over an older echo, until the leader has them', (field) => {
    const { replica, leaderSends, shown } = follower();
    leaderSends({ [field]: 'a' });
    replica.typed('BZ1', { [field]: 'ab' });
    leaderSends({ [field]: 'a' }); // sent before the leader heard of "ab"
    expect(shown()?.[field]).toBe('ab');
    leaderSends({ [field]: 'ab' }); // caught up: the guard is done
    leaderSends({ [field]: 'abc' }); // typed in another tab: shown here
    expect(shown()?.[field]).toBe('abc');
  });

  it('guards each field on its own: notes caught up, the result still waiting', () => {
    const { replica, leaderSends, shown } = follower();
    replica.typed('BZ1', { notes: 'n' });
    replica.typed('BZ1', { disposition: 'd' });
    leaderSends({ notes: 'n', disposition: '' });
    expect(shown()).toMatchObject({ notes: 'n', disposition: 'd' });
  });
});
