/**
 * Browser-test helpers for agents at work (on top of `support.ts`): a page whose agent is signed in,
 * a call rung in and answered, and the Tasks one agent wrote for a call.
 */
import { expect } from 'vitest';
import { SEED_USERS } from '../mock/org/seed';
import { expectCallState, hostCalls, signIn, tasksFor, type MockPage, type Stage } from './support';

type Lang = 'en' | 'ja';

const NAMES = { en: { answer: 'Answer', connected: 'Connected', decline: 'Decline' }, ja: { answer: '応答', connected: '通話中', decline: '拒否' } } as const;

/** A mock page of the fake Salesforce user `user` (= the BIZTEL agent of that name), signed in. */
export async function signedInPage(stage: Stage, user = 'agent01', lang: Lang = 'en'): Promise<MockPage> {
  const m = await stage.page(`user=${user}&lang=${lang}`);
  await signIn(m.panel, user, lang);
  return m;
}

/** Rings this page's agent from `from`, answers in the panel and waits until connected; the call's id. */
export async function answeredCall(m: MockPage, from: string | null = '03-5555-0101', lang: Lang = 'en'): Promise<string> {
  const { callId } = await m.cti((cti, caller) => cti.server.incomingCall({ from: caller }), from);
  await m.panel.getByRole('button', { name: NAMES[lang].answer, exact: true }).click();
  await expectCallState(m.panel, NAMES[lang].connected, lang);
  return callId;
}

/** The fake org's User Id of a fake Salesforce user (agent01 → 0055555000001AA). */
/** Opens the transfer view (unless open), types the target and starts a blind transfer or a consult. */
export async function transfer(m: MockPage, target: string, mode: 'Consult' | 'Blind transfer'): Promise<void> {
  const button = m.panel.getByRole('button', { name: 'Transfer', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await m.panel.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  await m.panel.getByRole('button', { name: mode, exact: true }).click();
}

export function ownerId(user: string): string {
  const found = SEED_USERS.find((u) => u.username === user);
  if (!found) throw new Error(`${user} is not a user of the fake org`);
  return found.Id;
}

/** The Tasks of a call that `user` owns: each agent who had the call logs their own leg. */
export async function tasksOf(m: MockPage, callId: string, user: string): Promise<Record<string, unknown>[]> {
  const owner = ownerId(user);
  return (await tasksFor(m, callId)).filter((t) => t.OwnerId === owner);
}

/**
 * The call logs the panel sent from `since` on (the package's Apex upsert, Lightning and Classic), as
 * the Task fields sent; only those of `callId` when given. The fake org, like the Apex, upserts on
 * CallObject and owner, so these, not the Tasks, show how often a log was written.
 */
export async function logWrites(m: MockPage, since: number, callId?: string): Promise<Record<string, unknown>[]> {
  return (await hostCalls(m, 'runApex'))
    .filter((c) => c.at >= since && ['upsertCallLog', 'fillCallLog'].includes((c.args as { methodName?: string }).methodName ?? ''))
    .map((c) => JSON.parse(apexParam(c.args, 'log') ?? '{}') as Record<string, unknown>)
    .filter((task) => callId === undefined || task.CallObject === callId);
}

/** One parameter of a runApex call as the host recorded it: the panel sends each value as base64url of UTF-8. */
export function apexParam(args: unknown, name: string): string | null {
  const value = new URLSearchParams((args as { methodParams: string }).methodParams).get(name);
  return value === null ? null : Buffer.from(value, 'base64url').toString('utf8');
}

/**
 * Shows that the panel is done writing the logs of earlier calls: rings this page's agent an
 * anonymous call (nothing to search or pop while the anonymous pop is off, as seeded), declines it
 * and waits until its log has been sent. A write the panel had yet to send for an earlier call was
 * due before this call even rang, so the host has it by then. The declined call's id.
 */
export async function loggedNextCall(m: MockPage, lang: Lang = 'en'): Promise<string> {
  const since = await m.cti(() => Date.now());
  const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: null }));
  await m.panel.getByRole('button', { name: NAMES[lang].decline, exact: true }).click();
  await expect.poll(() => logWrites(m, since, callId), { timeout: 10_000 }).not.toEqual([]);
  return callId;
}
