/**
 * `window.mockCti`: the mock-CTI page's automation API (CONTRACTS.md §4). Safe to call from
 * Playwright's `page.evaluate`; times are `Date.now()` milliseconds.
 */
import type { HostMode } from './host/params';
import type { ScreenPop } from './host/host-core';
import type { SimCall, SystemSettings } from './host/sim-client';

export type { ScreenPop, SimCall, SystemSettings };

export interface MockCti {
  /** Host up, panel framed, Open CTI initialised (the panel called notifyInitializationComplete). */
  ready(): Promise<void>;
  /** Fake org, layout, settings and simulator back to the seed data. */
  reset(): Promise<void>;
  mode: HostMode;
  /** The fake Salesforce user of this page = the BIZTEL agent of the same name. */
  user: string;
  host: {
    calls(): { methodName: string; args: unknown; at: number }[];
    screenPops(): ScreenPop[];
    tasks(): Record<string, unknown>[];
    clickToDial(input: { number: string | number; recordId?: string }): void;
    navigate(recordId: string): void;
    failNext(methodName: string, times?: number, opts?: { applied?: boolean }): void;
    failRate(methodName: string, probability: number): void;
    expireSession(): void;
    restoreSession(): void;
    setCallCenterSettings(items: Record<string, string>): void;
    setSoftphoneLayout(layout: unknown): void;
    setDirectoryNumbers(list: { name: string; phone: string }[]): void;
  };
  server: {
    incomingCall(input: { from: string | null; to?: string; agent?: string; queue?: string }): Promise<{ callId: string }>;
    remoteAnswer(callId: string): Promise<void>;
    remoteHangup(callId: string): Promise<void>;
    setOutcome(number: string, outcome: 'answer' | 'busy' | 'noAnswer' | 'invalid'): Promise<void>;
    setSystemSettings(settings: Partial<SystemSettings>): Promise<void>;
    setVersion(version: string): Promise<void>;
    setScheduledUpgrade(version: string | null): Promise<void>;
    setDesktopSoftphone(agent: string, running: boolean): Promise<void>;
    dropConnections(forMs: number): Promise<void>;
    calls(): Promise<SimCall[]>;
  };
}

declare global {
  interface Window {
    mockCti?: MockCti;
  }
}
