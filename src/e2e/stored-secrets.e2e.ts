/**
 * Security evidence (issue 7): after a sign-in from a follower tab, a call and a sign-out, neither
 * the BIZTEL password nor the session token is left in the panel origin's localStorage, IndexedDB or
 * cookies. The token may be in sessionStorage while signed in (the leader keeps it there to resume
 * after a reload of its tab, tabs/reload-memory.ts), and must be gone from there after sign-out.
 * Run with third-party storage allowed, so the framed panel really has all of these to write to.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { answeredCall } from './agents';
import { launchStorageContext, openTab, panelRole, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage();
afterEach(() => stage.reset());

const PASSWORD = 'Pw-7f3c-unique-secret';

interface Snapshot {
  localStorage: string;
  sessionStorage: string;
  indexedDb: string;
  databases: string[];
  documentCookie: string;
}

/** Everything the panel's origin keeps in this frame's browser storage, as text. */
function snapshot(frame: Frame): Promise<Snapshot> {
  return frame.evaluate(async () => {
    const dump = (s: Storage) => JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)])));
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB'));
      });
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    const records: unknown[] = [];
    for (const name of databases) {
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) records.push({ name, store, all: await request(db.transaction(store).objectStore(store).getAll()) });
      db.close();
    }
    return { localStorage: dump(localStorage), sessionStorage: dump(sessionStorage), indexedDb: JSON.stringify(records), databases, documentCookie: document.cookie };
  });
}

const panelFrame = (m: MockPage, panelOrigin: string) => m.page.frames().find((f) => f.url().startsWith(panelOrigin))!;

async function cookies(context: BrowserContext, panelOrigin: string): Promise<string> {
  return JSON.stringify(await context.cookies(panelOrigin));
}

describe('no password and no session token left in browser storage', () => {
  it('after a sign-in from a follower tab, a call and a sign-out', { timeout: 60_000 }, async () => {
    const pbx = stage.stack.simulator.pbx;
    pbx.agents.get('agent01')!.password = PASSWORD; // a value that cannot appear by chance
    const panelOrigin = stage.stack.origin.replace('localhost', '127.0.0.1');
    const context = stage.track(await launchStorageContext());
    const tabs = [await openTab(context, stage.stack, 'lang=en'), await openTab(context, stage.stack, 'lang=en')];
    await expect.poll(async () => (await Promise.all(tabs.map((t) => panelRole(t)))).sort()).toEqual(['follower', 'leader']);
    const roles = await Promise.all(tabs.map((t) => panelRole(t)));
    const from = tabs[roles.indexOf('follower')]!;

    // Sign in from the follower: the password travels to the leader, which holds the link.
    await from.panel.getByRole('textbox', { name: 'Login ID' }).fill('agent01');
    await from.panel.getByLabel('Password').fill(PASSWORD);
    await from.panel.getByRole('button', { name: 'Sign in' }).click();
    for (const t of tabs) await t.panel.getByRole('combobox', { name: 'Status' }).waitFor();
    const token = pbx.agents.get('agent01')!.session!.token;

    const callId = await answeredCall(from);
    await from.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(from, callId), { timeout: 8000 }).toHaveLength(1);

    /** Where the tabs' storage holds the password, or the token (unless allowed in sessionStorage). */
    const leaks = async (tokenInSessionStorage: 'allowed' | 'forbidden') => {
      const found: string[] = [];
      for (const [i, t] of tabs.entries()) {
        const s = await snapshot(panelFrame(t, panelOrigin));
        // Not vacuous: the panel does keep things here (its call-log outbox, its tab's memory).
        if (!s.databases.includes('biztel-cti-outbox:0055555000001AA')) found.push(`tab ${i}: no call-log outbox to look in`);
        for (const [where, text] of Object.entries({ ...s, databases: s.databases.join(','), cookies: await cookies(context, panelOrigin) })) {
          if (text.includes(PASSWORD)) found.push(`tab ${i}: password in ${where}`);
          if (where === 'sessionStorage' && tokenInSessionStorage === 'allowed') continue;
          if (text.includes(token)) found.push(`tab ${i}: session token in ${where}`);
        }
      }
      return found;
    };
    expect(await leaks('allowed'), 'signed in').toEqual([]);
    // Not vacuous either: while signed in, the leader's tab memory does hold the token.
    const tokenInTabMemory = async () => (await Promise.all(tabs.map(async (t) => (await snapshot(panelFrame(t, panelOrigin))).sessionStorage.includes(token)))).includes(true);
    await expect.poll(tokenInTabMemory, { timeout: 5000 }).toBe(true);

    await tabs[0]!.panel.getByRole('button', { name: 'Sign out' }).click();
    for (const t of tabs) await t.panel.getByRole('textbox', { name: 'Login ID' }).waitFor();
    // The tab memory is written 200 ms after a change: the token goes from sessionStorage then.
    await expect.poll(() => leaks('forbidden'), { timeout: 5000, message: 'signed out' }).toEqual([]);
  });
});
