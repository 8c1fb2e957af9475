/**
 * Component tests: a panel component rendered into happy-dom's document with a real store and the
 * agent's real actions (no link: a command answers "not connected"), so a test drives the UI and
 * reads what the agent would see.
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentActions, createPanelStore, loadMessages, type AgentSession, type PanelStore } from '../../app';
import { PanelContext } from '../context';

// React runs effects and updates inside act() only where it is told it is under test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const SESSION: AgentSession = {
  agent: { loginId: 'agent01', name: 'エージェント01', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null },
  statuses: [{ id: 'ready', name: '受付可', kind: 'ready', selectable: true }],
  callerIds: [],
  settings: {},
};

export interface Rendered {
  store: PanelStore;
  container: HTMLElement;
  /** Runs a change (a store action, a click) and lets React render it. */
  act: (change: () => unknown) => Promise<void>;
  unmount: () => Promise<void>;
}

/** Renders `ui` in Japanese (the default) for a store signed in as agent01 with the link up. */
export async function renderPanel(ui: ReactNode, store: PanelStore = signedInStore()): Promise<Rendered> {
  await loadMessages('ja');
  const actions = new AgentActions({ store, port: () => null, navigation: () => null, signIn: () => Promise.reject(new Error('no link')), loadLanguage: loadMessages });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => {
    root.render(<PanelContext.Provider value={{ store, actions, recentCalls: () => Promise.resolve([]) }}>{ui}</PanelContext.Provider>);
  });
  return {
    store,
    container,
    act: async (change) => {
      await act(async () => {
        await change();
      });
    },
    unmount: () => {
      act(() => {
        root.unmount();
      });
      container.remove();
      return Promise.resolve();
    },
  };
}

export function signedInStore(): PanelStore {
  const store = createPanelStore('ja');
  store.getState().linkChanged('ready', null);
  store.getState().signedIn(SESSION);
  return store;
}

/** Types into an input as the agent does (React listens for the input event). */
export function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The element labelled `label` (a form field), as a screen reader finds it. */
export function field(container: HTMLElement, label: string): HTMLInputElement {
  const labelEl = Array.from(container.querySelectorAll('label')).find((l) => l.textContent === label);
  const input = labelEl ? container.ownerDocument.getElementById(labelEl.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return input;
}

/** A button by its accessible name (aria-label, else its text), as tests in a browser find it. */
export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}
