import { describe, expect, it } from 'vitest';
import { channelName, leaderLockName } from './channel';

describe('coordination keys', () => {
  it('key the channel and the leader lock the same way: by Salesforce user and BIZTEL server', () => {
    const keys = (user: string, url: string) => [channelName(user, url), leaderLockName(user, url)];
    const [channel, lock] = keys('005A', 'https://s1.u.biztel.jp:8000/');
    expect(channel).not.toBe(lock);
    for (const [user, url] of [
      ['005B', 'https://s1.u.biztel.jp:8000/'],
      ['005A', 'https://s2.u.biztel.jp:8000/'],
    ] as const) {
      const [otherChannel, otherLock] = keys(user, url);
      expect(otherChannel).not.toBe(channel); // another user or server: another channel…
      expect(otherLock).not.toBe(lock); // …and another lock, so its tabs can elect their own leader
    }
    expect(keys('005A', 'https://s1.u.biztel.jp:8000/')).toEqual([channel, lock]);
  });
});
