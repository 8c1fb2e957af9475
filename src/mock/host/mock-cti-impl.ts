/** Builds `window.mockCti` over the mock host, the fake org and the simulator. */
import type { MockCti } from '../mock-cti';
import type { SoftphoneLayout } from '../org/types';
import type { MockHost } from './host-core';
import { orgRequest, type OrgMirror } from './org-client';
import type { SimClient } from './sim-client';

export function createMockCti(host: MockHost, org: OrgMirror, sim: SimClient, framed: Promise<void>): MockCti {
  const { params } = host;
  const onError = (message: string) => host.logWire('dropped', `org write refused: ${message}`);
  const initialised = new Promise<void>((resolve) => {
    if (host.store.getState().initialized) resolve();
    const off = host.store.subscribe((s) => {
      if (s.initialized) {
        off();
        resolve();
      }
    });
  });

  return {
    mode: params.mode,
    user: params.user,
    ready: async () => {
      await framed;
      await initialised;
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
      tasks: () => org.org.tasks.map((t) => ({ ...t })),
      clickToDial: (input) => {
        host.clickToDial(input);
      },
      navigate: (recordId) => host.navigate(recordId),
      failNext: (methodName, times, opts) => host.failNext(methodName, times, opts),
      failRate: (methodName, probability) => host.failRate(methodName, probability),
      expireSession: () => host.expireSession(),
      restoreSession: () => host.restoreSession(),
      setCallCenterSettings: (items) =>
        org.write('call-center', items, (o) => ({ ...o, callCenter: { ...o.callCenter, ...items } }), onError),
      setSoftphoneLayout: (layout) => org.setLayout(layout as SoftphoneLayout, onError),
      setDirectoryNumbers: (list) => org.write('directory-numbers', list, (o) => ({ ...o, directoryNumbers: list }), onError),
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
      dropConnections: async (forMs) => {
        await sim.dropConnections(forMs);
      },
      calls: () => sim.calls(),
    },
  };
}
