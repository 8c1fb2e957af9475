/** The frame part's named writes: this tab's start-up in Salesforce, written by start-up only. */
import type { Lang } from '../../domain/call-log';
import type { HostKind } from '../../salesforce/types';
import type { FrameFailure, FrameState } from './state';
import type { SliceCreator } from './slice';

export interface FrameActions {
  /** Opened bare: outside Salesforce and the mock page. */
  frameBare: () => void;
  /** Which Salesforce UI framed the panel, and what its host names say about the org. */
  frameHosted: (hostKind: HostKind, riskySandbox: string | null, enhancedDomainHost: string | null) => void;
  /** Start-up failed; `salesforceLang` when Salesforce named the user's language before it did. */
  frameFailed: (failure: FrameFailure, salesforceLang?: Lang) => void;
  /** A failure shown while start-up waited (an expired Salesforce session) is over: starting again. */
  frameRetrying: () => void;
  /** The Salesforce side is up: the BIZTEL server to use and the user's language. */
  frameStarted: (info: { serverUrl: string; legacyPopupMode: string | null; salesforceLang: Lang; keepsSession: boolean }) => void;
}

export const INITIAL_FRAME = (salesforceLang: Lang): FrameState => ({
  status: 'starting',
  failure: null,
  hostKind: null,
  serverUrl: null,
  legacyPopupMode: null,
  salesforceLang,
  riskySandbox: null,
  enhancedDomainHost: null,
  keepsSession: true,
});

export const createFrameSlice: SliceCreator<FrameActions> = (set) => {
  const frame = (change: (frame: FrameState) => Partial<FrameState>) => set((s) => ({ frame: { ...s.frame, ...change(s.frame) } }));
  return {
    frameBare: () => frame(() => ({ status: 'bare' })),
    frameHosted: (hostKind, riskySandbox, enhancedDomainHost) => frame(() => ({ hostKind, riskySandbox, enhancedDomainHost })),
    frameFailed: (failure, salesforceLang) => frame(() => ({ failure, ...(salesforceLang ? { salesforceLang } : {}) })),
    frameRetrying: () => frame(() => ({ failure: null })),
    frameStarted: (info) => frame(() => ({ status: 'started', failure: null, ...info })),
  };
};
