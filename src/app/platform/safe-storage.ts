/**
 * sessionStorage and localStorage that never throw. Browsers deny storage to cross-site frames when
 * third-party storage is blocked (Salesforce frames the panel from another domain), so the panel
 * keeps the value in memory instead and works the same, only forgetting it on reload.
 */
type Kind = 'session' | 'local';
const memory: Record<Kind, Map<string, string>> = { session: new Map(), local: new Map() };

/**
 * Whether the browser lets this frame use the storage is asked once per page: a denied access throws
 * (an exception with its stack each time), and the panel reads and writes often during start-up.
 */
const checked: Partial<Record<Kind, Storage | null>> = {};

function storage(kind: Kind): Storage | null {
  if (kind in checked) return checked[kind] ?? null;
  try {
    const s = kind === 'session' ? window.sessionStorage : window.localStorage;
    const probe = '__biztel_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    checked[kind] = s;
  } catch {
    checked[kind] = null;
  }
  return checked[kind] ?? null;
}

function read(kind: Kind, key: string): string | null {
  try {
    return storage(kind)?.getItem(key) ?? memory[kind].get(key) ?? null;
  } catch {
    return memory[kind].get(key) ?? null;
  }
}

function write(kind: Kind, key: string, value: string | null): void {
  if (value === null) memory[kind].delete(key);
  else memory[kind].set(key, value);
  try {
    if (value === null) storage(kind)?.removeItem(key);
    else storage(kind)?.setItem(key, value);
  } catch {
    /* memory holds it */
  }
}

/** Whether this tab's storage survives a reload here (it does not where the browser blocks it for the frame). */
export const sessionStorageWorks = (): boolean => storage('session') !== null;

export const readSession = (key: string): string | null => read('session', key);
export const writeSession = (key: string, value: string): void => write('session', key, value);
/** For preferences that should outlive the tab (the agent's language choice). */
export const readLocal = (key: string): string | null => read('local', key);
export const writeLocal = (key: string, value: string | null): void => write('local', key, value);
