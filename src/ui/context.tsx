/** How components reach the panel: the store through selectors, the agent's actions, and the translator. */
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import { panelLang, translate, type AgentActions, type MessageKey, type Panel, type PanelState } from '../app';

/** What the components use of the panel (the whole `Panel` in the app; a small stand-in in component tests). */
export type PanelView = Pick<Panel, 'store' | 'actions' | 'recentCalls'>;

export const PanelContext = createContext<PanelView | null>(null);

export function usePanelApp(): PanelView {
  const app = useContext(PanelContext);
  if (!app) throw new Error('PanelContext is missing');
  return app;
}

export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelApp().store, selector);
}

export const useActions = (): AgentActions => usePanelApp().actions;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = usePanel(panelLang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
