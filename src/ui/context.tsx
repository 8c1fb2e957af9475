/** How components reach the panel: the store through selectors, the agent's actions, and the translator. */
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import { panelLang, translate, type AgentActions, type CallActions, type MessageKey, type Panel, type PanelState } from '../app';

/** What the components use of the panel (the whole `Panel` in the app; a small stand-in in component tests). */
export type PanelView = Pick<Panel, 'store' | 'actions' | 'callActions' | 'recentCalls'>;

export const PanelContext = createContext<PanelView | null>(null);

export function usePanelApp(): PanelView {
  const app = useContext(PanelContext);
  if (!app) throw new Error('PanelContext is missing');
  return app;
}

export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelApp().store, selector);
}

/** What the first screen does: signing in, the alerts, the language. */
export const useActions = (): AgentActions => usePanelApp().actions;

/** What a signed-in agent does, given by the signed-in views once their actions have loaded. */
export const CallActionsContext = createContext<CallActions | null>(null);

export function useCallActions(): CallActions {
  const actions = useContext(CallActionsContext);
  if (!actions) throw new Error('CallActionsContext is missing');
  return actions;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = usePanel(panelLang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
