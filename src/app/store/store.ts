/**
 * The panel's one store (zustand, vanilla, so the wiring outside React can use it). Its state is in
 * three parts (state.ts) and it is written only through the named actions of its slices, kept beside
 * it; nothing else calls `setState`. Derived values are selectors (selectors.ts).
 */
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../../domain/call-log';
import { createFrameSlice, INITIAL_FRAME, type FrameActions } from './frame-slice';
import { createLocalSlice, INITIAL_LOCAL, type LocalActions } from './local-slice';
import { INITIAL_SHARED } from './shared-schema';
import { createSharedSlice, type SharedActions } from './shared-slice';
import type { PanelData } from './state';

export type PanelActions = FrameActions & SharedActions & LocalActions;
export type PanelState = PanelData & PanelActions;

const initialData = (salesforceLang: Lang, langOverride: Lang | null = null): PanelData => ({
  frame: INITIAL_FRAME(salesforceLang),
  shared: INITIAL_SHARED,
  local: INITIAL_LOCAL(langOverride),
});

export const createPanelStore = (salesforceLang: Lang, langOverride: Lang | null = null) =>
  createStore<PanelState>()((set, get) => ({
    ...initialData(salesforceLang, langOverride),
    ...createFrameSlice(set, get),
    ...createSharedSlice(set, get),
    ...createLocalSlice(set, get),
  }));

export type PanelStore = ReturnType<typeof createPanelStore>;
