/** How components reach the panel: the store through selectors, actions, and the translator. */
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelApp } from '../app/panel-app';
import { panelLang, type PanelState } from '../app/store';
import { translate, type MessageKey } from '../app/i18n';

export const PanelContext = createContext<PanelApp | null>(null);

export function usePanelApp(): PanelApp {
  const app = useContext(PanelContext);
  if (!app) throw new Error('PanelContext is missing');
  return app;
}

export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelApp().store, selector);
}

export const useActions = () => usePanelApp().actions;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = usePanel(panelLang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
