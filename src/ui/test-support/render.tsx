/**
 * Component tests for `src/ui` with what the project already has: React 19's `act`, `react-dom/client`
 * and happy-dom. A test file opts into the DOM with Vitest's environment comment as its first line
 * (see `SignInForm.test.tsx`), then renders components inside a real `Panel` (its store, its actions
 * and the translations) that never starts: nothing reaches Salesforce or BIZTEL unless the test
 * stubs an action.
 *
 * The queries find what an agent (or a screen reader) finds: controls by their label, elements by
 * role and accessible name.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { Panel, createPanelStore, loadLaterMessages, loadMessages, panelLang, type AgentSession, type Lang, type PanelStore } from '../../app';
import { parseLaunchParams } from '../../salesforce/launch';
import { CallActionsContext, PanelContext } from '../context';

// Tells React that updates are wrapped in act(), so it flushes them there and warns when one is not.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  /** The element the component was rendered into (attached to the document). */
  container: HTMLElement;
  panel: Panel;
  store: PanelStore;
  unmount(): void;
}

const mounted = new Set<{ root: Root; container: HTMLElement }>();

/** A panel that is never started: the connections a started one would open fail the test at once. */
export function idlePanel(lang: Lang = 'en', store: PanelStore = createPanelStore(lang)): Panel {
  const refuse = () => {
    throw new Error('A component test does not start the panel: stub the action it needs instead.');
  };
  return new Panel({
    store,
    launch: parseLaunchParams(''),
    build: 'component-test',
    connectHost: () => Promise.reject(new Error('no Salesforce in a component test')),
    createLink: refuse,
  });
}

export const SESSION: AgentSession = {
  agent: { loginId: 'agent01', name: 'エージェント01', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null },
  statuses: [{ id: 'ready', name: '受付可', kind: 'ready', selectable: true }],
  callerIds: [],
  settings: {},
};

/** A Japanese panel signed in as agent01 with the link up (its actions still reach no server). */
export function signedInPanel(): Panel {
  const store = createPanelStore('ja');
  store.getState().linkChanged('ready', null);
  store.getState().signedIn(SESSION);
  return idlePanel('ja', store);
}

/** Renders `ui` inside the panel's context, in the panel's language (loaded first, as the panel does). */
export async function renderPanel(ui: ReactNode, options: { panel?: Panel } = {}): Promise<Rendered> {
  if (typeof document === 'undefined') throw new Error('Component tests need the DOM: start the test file with Vitest\'s happy-dom environment comment.');
  const panel = options.panel ?? idlePanel();
  // Every text, and the signed-in agent's actions, as once the signed-in views have loaded them.
  const [calls] = await Promise.all([panel.callActions(), loadMessages(panelLang(panel.store.getState())), loadLaterMessages()]);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const entry = { root, container };
  mounted.add(entry);
  await act(async () => {
    root.render(
      <PanelContext.Provider value={panel}>
        <CallActionsContext.Provider value={calls}>{ui}</CallActionsContext.Provider>
      </PanelContext.Provider>,
    );
    await Promise.resolve();
  });
  return {
    container,
    panel,
    store: panel.store,
    unmount: () => unmount(entry),
  };
}

function unmount(entry: { root: Root; container: HTMLElement }): void {
  if (!mounted.delete(entry)) return;
  act(() => entry.root.unmount());
  entry.container.remove();
}

afterEach(() => {
  for (const entry of [...mounted]) unmount(entry);
});

// ---- what the agent does ----

/** Types `value` into a text field as a user would: React sees the input event. */
export async function fillIn(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    // Through the element type's own setter, not the one React tracks on the element, so React notices.
    Reflect.set(prototype, 'value', value, field);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
    await Promise.resolve();
  });
}

/** Runs `work` (a store change, settling a stubbed action) and lets React render what follows from it. */
export async function update(work: () => unknown): Promise<void> {
  await act(async () => {
    await work();
  });
}

// ---- what the agent sees ----

/** The form control whose label reads `text` (a `label for`, `aria-label` or `aria-labelledby`). */
export function getByLabel(container: HTMLElement, text: string): HTMLElement {
  const found = [...container.querySelectorAll<HTMLElement>('input, select, textarea, button')].filter((el) => accessibleName(el) === text);
  return only(found, `a control labelled "${text}"`);
}

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button, input[type="submit"], input[type="button"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="search"], textarea',
  combobox: 'select',
  heading: 'h1, h2, h3, h4, h5, h6',
  form: 'form[aria-label], form[aria-labelledby]',
};

/** The elements of a role (explicit, or the implicit ones above), with this accessible name when given. */
export function queryAllByRole(container: HTMLElement, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = [`[role="${role}"]`, IMPLICIT_ROLES[role]].filter(Boolean).join(', ');
  return [...container.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    const explicit = el.getAttribute('role');
    if (explicit !== null && explicit !== role) return false;
    if (name === undefined) return true;
    const shown = accessibleName(el);
    return typeof name === 'string' ? shown === name : name.test(shown);
  });
}

export function getByRole(container: HTMLElement, role: string, name?: string | RegExp): HTMLElement {
  return only(queryAllByRole(container, role, name), `a ${role}${name === undefined ? '' : ` named ${String(name)}`}`);
}

/** Roughly the accessible name: aria-labelledby, aria-label, a label for it, else its text. */
export function accessibleName(element: HTMLElement): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  }
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  if (element.id) {
    const forIt = [...element.ownerDocument.querySelectorAll('label')].find((l) => l.htmlFor === element.id);
    if (forIt) return (forIt.textContent ?? '').trim();
  }
  return (element.textContent ?? '').trim();
}

function only(found: HTMLElement[], what: string): HTMLElement {
  if (found.length !== 1) throw new Error(`Expected ${what}, found ${found.length}.`);
  return found[0]!;
}
