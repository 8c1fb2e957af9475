import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { OrgSnapshot } from '../org/types';
import type { HostState, MockHost } from './host-core';
import type { OrgMirror } from './org-client';
import type { PopoutHost } from './popout-host';
import type { ScenarioControl } from './scenario-control';
import type { SimClient, SimulatorState } from './sim-client';
import type { SimStream, SimStreamState } from './sim-stream';

/** The docked (or left-pane) softphone frame's hooks into the wire. */
export interface DockedFrame {
  onFrame: (frame: HTMLIFrameElement | null) => void;
  onLoad: () => void;
}

export interface MockContextValue {
  host: MockHost;
  org: OrgMirror;
  sim: SimClient;
  /** The simulator's pushes: its state and the BIZTEL log. */
  stream: SimStream;
  scenarios: ScenarioControl;
  /** The Reset button and `mockCti.reset()`. */
  reset: () => Promise<void>;
  docked: DockedFrame;
  /** Lightning only: the pop-out window's manager. */
  popout: PopoutHost | null;
  popoutId: string;
}

export const MockContext = createContext<MockContextValue | null>(null);

export function useMock(): MockContextValue {
  const value = useContext(MockContext);
  if (!value) throw new Error('MockContext is missing');
  return value;
}

export function useHost<T>(selector: (state: HostState) => T): T {
  return useStore(useMock().host.store, selector);
}

export function useOrg(): OrgSnapshot {
  const org = useStore(useMock().org.store, (s) => s.org);
  if (!org) throw new Error('org not loaded');
  return org;
}

export function useStream<T>(selector: (state: SimStreamState) => T): T {
  return useStore(useMock().stream.store, selector);
}

/** The simulator as it is now (pushed on every change), or null before its first push. */
export function useSimState(): SimulatorState | null {
  return useStream((s) => s.state);
}
