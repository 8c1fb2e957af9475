/** Builds `window.mockCti` over the mock host, the fake org and the simulator. */
import type { MockCti } from '../mock-cti';
import { parseLayout } from '../org/layout-schema';
import { checkRecordId, type HostState, type MockHost } from './host-core';
import { orgRequest, type OrgMirror } from './org-client';
import { checkCallCenterItems, checkDirectoryNumbers } from './org-writes';
import type { ScenarioControl } from './scenario-control';
import type { SimClient } from './sim-client';
import type { SimStream } from './sim-stream';

/** The simulator's control API and its pushes, once the page knows the simulator's address. */
export interface SimLink {
  sim: SimClient;
  stream: SimStream;
}

/** Resolves when the host's state first satisfies `test`. */
function until(host: MockHost, test: (state: HostState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(host.store.getState())) {
      resolve();
      return;
    }
    const off = host.store.subscribe((state) => {
      if (!test(state)) return;
      off();
      resolve();
    });
  });
}

/** `mockCti.reset()` and the page's Reset button: seed data, simulator, logs and the open page. */
export async function resetAll(host: MockHost, org: OrgMirror, sim: SimClient, stream: SimStream): Promise<void> {
  await org.settled();
  await Promise.all([orgRequest('reset', {}), sim.reset()]);
  host.clearLogs();
  stream.clearLog();
  await org.refresh();
}

export interface MockCtiParts {
  host: MockHost;
  org: OrgMirror;
  orgLoaded: Promise<void>;
  sim: Promise<SimLink>;
  framed: Promise<void>;
  scenarios: ScenarioControl;
}

export function createMockCti({ host, org, orgLoaded, sim, framed, scenarios }: MockCtiParts): MockCti {
  const { params } = host;
  const onError = (message: string) => host.logWire('dropped', `org write refused: ${message}`);
  const server = async () => (await sim).sim;

  return {
    mode: params.mode,
    user: params.user,
    ready: async () => {
      await Promise.all([orgLoaded, sim]);
      await framed;
      await until(host, (s) => s.initialized);
      await org.settled();
    },
    reset: async () => {
      await orgLoaded;
      const { sim: client, stream } = await sim;
      await resetAll(host, org, client, stream);
    },
    host: {
      calls: () => host.calls(),
      screenPops: () => host.screenPops(),
      tasks: () => org.org.tasks.map((t) => structuredClone(t)),
      clickToDial: (input) => {
        host.clickToDial(input);
      },
      navigate: (recordId) => {
        checkRecordId(recordId);
        org.afterLoad(() => host.navigate(recordId));
      },
      failNext: (methodName, times, opts) => host.failures.failNext(methodName, times, opts),
      failRate: (methodName, probability, opts) => host.failures.failRate(methodName, probability, opts),
      expireSession: () => host.expireSession(),
      restoreSession: () => host.restoreSession(),
      setCallCenterSettings: (items) => {
        const checked = checkCallCenterItems(items);
        org.write('call-center', checked, (o) => ({ ...o, callCenter: { ...o.callCenter, ...checked } }), onError);
      },
      setSoftphoneLayout: (layout) => {
        const parsed = parseLayout(layout);
        if (!parsed.ok) throw new TypeError(`Not a softphone layout: ${parsed.reason}`);
        org.setLayout(parsed.layout, onError);
      },
      setDirectoryNumbers: (list) => {
        const checked = checkDirectoryNumbers(list);
        org.write('directory-numbers', checked, (o) => ({ ...o, directoryNumbers: checked }), onError);
      },
      wireLog: () => host.wireLog().map((e) => ({ ...e })),
      pendingFailures: () => host.failures.pending(),
    },
    server: {
      incomingCall: async (input) => (await server()).incomingCall(input.queue || input.agent ? input : { ...input, agent: params.user }),
      remoteAnswer: async (callId) => {
        await (await server()).remoteAnswer(callId);
      },
      remoteHangup: async (callId) => {
        await (await server()).remoteHangup(callId);
      },
      setOutcome: async (number, outcome) => {
        await (await server()).setOutcome(number, outcome);
      },
      setSystemSettings: async (settings) => {
        await (await server()).setSystemSettings(settings);
      },
      setVersion: async (version) => {
        await (await server()).setVersion(version);
      },
      setScheduledUpgrade: async (version) => {
        await (await server()).setScheduledUpgrade(version);
      },
      setDesktopSoftphone: async (agent, running) => {
        await (await server()).setDesktopSoftphone(agent, running);
      },
      setAfterCallWork: async (enabled) => {
        await (await server()).setAfterCallWork(enabled);
      },
      dropConnections: async (forMs) => {
        await (await server()).dropConnections(forMs);
      },
      restart: async () => {
        await (await server()).restart();
      },
      nextCallQuirks: async (quirks) => {
        await (await server()).nextCallQuirks(quirks);
      },
      calls: async () => (await server()).calls(),
      socketEvents: async () => (await sim).stream.events().map((e) => structuredClone(e)),
      log: async () => (await server()).log(),
    },
    scenarios: {
      list: () => scenarios.list(),
      run: (script) => scenarios.run(script),
      stop: () => scenarios.stop(),
    },
  };
}
