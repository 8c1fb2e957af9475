/** Builds `window.mockCti` over the mock host, the fake org and the simulator. */
import type { MockCti } from '../mock-cti';
import { parseLayout } from '../org/layout-schema';
import type { HostState, MockHost } from './host-core';
import { orgRequest, type OrgMirror } from './org-client';
import { checkCallCenterItems, checkDirectoryNumbers } from './org-writes';
import type { SimClient } from './sim-client';

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

export function createMockCti(host: MockHost, org: OrgMirror, sim: SimClient, framed: Promise<void>): MockCti {
  const { params } = host;
  const onError = (message: string) => host.logWire('dropped', `org write refused: ${message}`);

  return {
    mode: params.mode,
    user: params.user,
    ready: async () => {
      await framed;
      await until(host, (s) => s.initialized);
      await org.settled();
    },
    reset: async () => {
      await org.settled();
      await Promise.all([orgRequest('reset', {}), sim.reset()]);
      host.clearLogs();
      await org.refresh();
    },
    host: {
      calls: () => host.calls(),
      screenPops: () => host.screenPops(),
      tasks: () => org.org.tasks.map((t) => structuredClone(t)),
      clickToDial: (input) => {
        host.clickToDial(input);
      },
      navigate: (recordId) => host.navigate(recordId),
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
      incomingCall: (input) => sim.incomingCall(input.queue || input.agent ? input : { ...input, agent: params.user }),
      remoteAnswer: async (callId) => {
        await sim.remoteAnswer(callId);
      },
      remoteHangup: async (callId) => {
        await sim.remoteHangup(callId);
      },
      setOutcome: async (number, outcome) => {
        await sim.setOutcome(number, outcome);
      },
      setSystemSettings: async (settings) => {
        await sim.setSystemSettings(settings);
      },
      setVersion: async (version) => {
        await sim.setVersion(version);
      },
      setScheduledUpgrade: async (version) => {
        await sim.setScheduledUpgrade(version);
      },
      setDesktopSoftphone: async (agent, running) => {
        await sim.setDesktopSoftphone(agent, running);
      },
      setAfterCallWork: async (enabled) => {
        await sim.setAfterCallWork(enabled);
      },
      dropConnections: async (forMs) => {
        await sim.dropConnections(forMs);
      },
      restart: async () => {
        await sim.restart();
      },
      nextCallQuirks: async (quirks) => {
        await sim.nextCallQuirks(quirks);
      },
      calls: () => sim.calls(),
    },
  };
}
