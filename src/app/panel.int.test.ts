/**
 * A whole panel against the real simulator, on an in-memory tab channel: its first screen while the
 * agent's panels elect their leader (third-party storage blocked, so no Web Locks). The claim window
 * is made far longer than the test, so anything shown before it ends was shown during the election.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BiztelLink } from '../biztel/link';
import { simHarness } from '../biztel/sim-harness.test-support';
import { MemoryOutbox } from './call-log';
import { Panel } from './panel';
import { createPanelStore, selectPhase, type PanelStore } from './store';
import { FakeHost } from './testing/fake-host.test-support';
import { TabHub } from './testing/tabs.test-support';

const h = simHarness();

/**
 * The call center as an admin set it up: the BIZTEL server is the simulator. Each test is another
 * Salesforce user, so that what a panel keeps for a reload is not another test's.
 */
class CallCenter extends FakeHost {
  constructor(
    private readonly userId: string,
    /** Holds Salesforce's answer about the user until this resolves (a slow Salesforce). */
    private readonly userGate: () => Promise<void> = () => Promise.resolve(),
  ) {
    super();
  }

  override getCallCenterSettings(): Promise<Record<string, string>> {
    return Promise.resolve({ '/biztelSettings/serverUrl': h.sim.url });
  }

  override runApex(apexClass: string, methodName: string, params: Record<string, string>): Promise<string> {
    if (methodName === 'getUserInfo') return this.userGate().then(() => JSON.stringify({ userId: this.userId, language: 'en_US' }));
    return super.runApex(apexClass, methodName, params);
  }
}

const NEVER_MS = 60_000;

interface Started {
  panel: Panel;
  store: PanelStore;
  links: BiztelLink[];
  /** Every moment this panel showed its sign-in form (ready, nobody signed in). */
  signInShown: () => boolean;
}

let hub: TabHub;
let userId = '';
let users = 0;
const running: Panel[] = [];
beforeEach(() => {
  hub = new TabHub();
  users += 1;
  userId = `0055555${String(users).padStart(11, '0')}`;
  // What the panel reads of its page: its host name, its tab's visibility and its listeners.
  const listeners = { addEventListener: () => {}, removeEventListener: () => {} };
  vi.stubGlobal('window', { location: { hostname: 'biztel.vf.force.com' }, ...listeners });
  vi.stubGlobal('document', { visibilityState: 'visible', ...listeners });
});
afterEach(() => {
  for (const panel of running.splice(0)) panel.stop();
  vi.unstubAllGlobals();
});

/** A panel started on the shared channel; with `slowSalesforce`, Salesforce names the user only once the server has said hello. */
function start(claimMs: number, slowSalesforce = false): Started {
  const store = createPanelStore('en');
  const links: BiztelLink[] = [];
  const helloFirst = () => until(() => links[0]?.hello != null, 'the early link’s hello');
  const panel = new Panel({
    store,
    launch: { kind: 'lightning', sfdcOrigin: 'https://example.lightning.force.com' },
    build: 'test',
    connectHost: () => Promise.resolve(new CallCenter(userId, slowSalesforce ? helloFirst : undefined)),
    createLink: (url, options) => {
      const link = new BiztelLink(url, { ...options, ackTimeoutMs: 2000 });
      links.push(link);
      return link;
    },
    transport: (name) => hub.transport(name),
    locks: null,
    timing: { beatMs: 1000, leaderTimeoutMs: 3500, claimMs },
    firstScreenMs: 20,
    openOutbox: () => Promise.resolve(new MemoryOutbox()),
  });
  running.push(panel);
  let shown = false;
  store.subscribe((s) => {
    if (selectPhase(s) === 'ready' && s.shared.session === null) shown = true;
  });
  void panel.start();
  return { panel, store, links, signInShown: () => shown };
}

async function until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the first screen while the agent’s panels elect their leader', () => {
  it('shows the sign-in form from the connection made during start-up, and signs in on that same link', async () => {
    const a = start(NEVER_MS);
    await until(() => selectPhase(a.store.getState()) === 'ready', 'the sign-in form');
    expect(a.store.getState().local.role).toBe('follower'); // still electing: nobody leads yet
    expect(a.links).toHaveLength(1);
    expect(await a.panel.actions.signIn('agent01', 'biztel')).toBe(true);
    expect(a.store.getState()).toMatchObject({ local: { role: 'leader' }, shared: { session: { agent: { loginId: 'agent01' } } } });
    expect(a.links).toHaveLength(1); // the leader took the early link over
  });

  it('a newcomer to a signed-in leader follows it without showing the sign-in form, and closes its early link', async () => {
    const a = start(10);
    await until(() => a.store.getState().local.role === 'leader' && selectPhase(a.store.getState()) === 'ready', 'a leader');
    expect(await a.panel.actions.signIn('agent01', 'biztel')).toBe(true);
    // The newcomer's own server hello comes before it even joins the agent's panels.
    const b = start(NEVER_MS, true);
    await until(() => b.store.getState().shared.session !== null, 'the leader’s state in the newcomer');
    expect(b.store.getState().local.role).toBe('follower');
    expect(b.signInShown()).toBe(false);
    await until(() => b.links.every((link) => link.status === 'closed'), 'the early link closed');
    expect(a.links).toHaveLength(1);
  });
});
