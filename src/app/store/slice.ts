/** How a slice of the store is made: its named writes, given the store's own set and get. */
import type { StoreApi } from 'zustand/vanilla';
import type { PanelState } from './store';

export type SliceCreator<Actions> = (set: StoreApi<PanelState>['setState'], get: StoreApi<PanelState>['getState']) => Actions;
