/**
 * sessionStorage that never throws. Browsers deny storage to cross-site frames when third-party
 * storage is blocked (Salesforce frames the panel from another domain), so the panel keeps the value
 * in memory instead and works the same, only forgetting it on reload.
 */
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    const s = window.sessionStorage;
    const probe = '__biztel_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function readSession(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

export function writeSession(key: string, value: string): void {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    /* memory holds it */
  }
}
