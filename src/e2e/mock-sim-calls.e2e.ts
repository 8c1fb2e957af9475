import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answeredCall, transfer } from './agents';
import { expectCallState, signIn, tasksFor, type MockPage, mockStage } from './support';
import { attachMockPage, expectSimDone } from './mock-helpers';

const stage = mockStage();
let m: MockPage;
let second: MockPage;

beforeAll(async () => {
  m = await stage.page('lang=en');
  await signIn(m.panel);
  // The second agent works in a browser of their own (a background tab would be throttled).
  second = await stage.page('user=agent02&lang=en');
  await signIn(second.panel, 'agent02');
});

/** Runs `test` with the Ring select on `target`, and puts it back on this page's agent after. */
async function ringing(target: 'queue' | 'queueAll', test: () => Promise<void>): Promise<void> {
  await m.page.getByRole('combobox', { name: 'Ring' }).selectOption(target);
  try {
    await test();
  } finally {
    await m.page.getByRole('combobox', { name: 'Ring' }).selectOption('agent01');
  }
}

const simCall = (callId: string) => m.cti((cti, id) => cti.server.calls().then((calls) => calls.find((c) => c.callId === id)), callId);
const latestCall = () => m.cti((cti) => cti.server.calls().then((calls) => calls.at(-1)));
/** The row of the simulator's Calls table for a call. */
const row = (page: Page, callId: string) => page.getByRole('table', { name: 'Calls' }).getByRole('row').filter({ hasText: callId });

describe('the simulator panel: callers', () => {
  it('places an inbound call from any number to this agent, and the far end hangs up', async () => {
    await m.page.getByRole('textbox', { name: 'Caller number' }).fill('06-7777-0202');
    await m.page.getByRole('textbox', { name: 'Dialled number' }).fill('050-1111-2222');
    await m.page.getByRole('combobox', { name: 'Ring' }).selectOption('agent01');
    await m.page.getByRole('button', { name: 'Place call' }).click();
    await expectCallState(m.panel, 'Ringing');
    const call = (await latestCall())!;
    expect(call).toMatchObject({ direction: 'inbound', from: '06-7777-0202', to: '050-1111-2222', agent: 'agent01', state: 'ringing' });
    await expect.poll(() => m.cti((cti) => cti.host.screenPops().at(-1)?.poppedRecordIds)).toEqual(['00Q5555000001AA']);
    await row(m.page, call.callId).getByRole('button', { name: 'Hang up (far end)' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, call.callId)).toEqual([expect.objectContaining({ CallDisposition: 'Missed', CallDurationInSeconds: 0 })]);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it("opens a second agent's page from the agents table", async () => {
    const [page] = await Promise.all([m.context.waitForEvent('page'), m.page.getByRole('link', { name: "Open agent02's page" }).click()]);
    try {
      expect(await (await attachMockPage(page)).cti((cti) => cti.user)).toBe('agent02');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    } finally {
      await page.close();
    }
  });

  it('rings a queue: an anonymous caller reaches a 受付可 agent', async () => {
    await m.page.getByRole('checkbox', { name: 'Anonymous (非通知)' }).check();
    try {
      await ringing('queue', async () => {
        await m.page.getByRole('button', { name: 'Place call' }).click();
        await expectSimDone(m, 'Place call from Anonymous (非通知)');
        const call = (await latestCall())!;
        expect(call).toMatchObject({ direction: 'inbound', from: null, state: 'ringing' });
        expect(['agent01', 'agent02']).toContain(call.agent);
        const rung = call.agent === 'agent01' ? m : second;
        await expectCallState(rung.panel, 'Ringing');
        await rung.panel.getByRole('button', { name: 'Answer' }).click();
        await expectCallState(rung.panel, 'Connected');
        await row(m.page, call.callId).getByRole('button', { name: 'Hang up (far end)' }).click();
        await expectCallState(rung.panel, 'Ended');
        await expect.poll(() => tasksFor(rung, call.callId)).toEqual([expect.objectContaining({ Subject: 'Inbound call anonymous' })]);
        await rung.panel.getByRole('button', { name: 'Close' }).click();
      });
    } finally {
      await m.page.getByRole('checkbox', { name: 'Anonymous (非通知)' }).uncheck();
    }
  });

  it('rings every 受付可 agent of a queue at once; the first to answer takes it', async () => {
    await ringing('queueAll', async () => {
      await m.page.getByRole('button', { name: 'Place call' }).click();
      await expectSimDone(m, 'Place call from');
      const call = (await latestCall())!;
      await expectCallState(m.panel, 'Ringing');
      await expectCallState(second.panel, 'Ringing');
      await second.panel.getByRole('button', { name: 'Answer' }).click();
      await expectCallState(m.panel, 'Ended');
      await expect.poll(() => latestCall()).toMatchObject({ callId: call.callId, state: 'connected', agent: 'agent02' });
      await row(m.page, call.callId).getByRole('button', { name: 'Hang up (far end)' }).click();
      await expectCallState(second.panel, 'Ended');
      for (const p of [m, second]) await p.panel.getByRole('button', { name: 'Close' }).click();
    });
  });

  it('shows why a call cannot be placed (the automation API rejects the same)', async () => {
    await m.page.getByRole('combobox', { name: 'Ring' }).selectOption('agent04');
    await m.page.getByRole('button', { name: 'Place call' }).click();
    await m.page.getByRole('alert').getByText('NOT_SIGNED_IN: agent04 is not signed in.').waitFor();
    await expect(m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', agent: 'agent04' }))).rejects.toThrow(/NOT_SIGNED_IN/);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect(m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }))).rejects.toThrow(/on a call/);
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });
});

describe("the simulator panel: called parties (transfer targets' and dialled numbers' behaviour)", () => {
  // The agent's outbound UI is not under test here: another desk (agent03) dials through the PBX.
  const dial = (number: string) => {
    const session = stage.stack.simulator.pbx.signIn('agent03', 'biztel');
    return stage.stack.simulator.pbx.dial(session.token, number).callId;
  };

  it('sets a number to answer busy: a call to it ends busy', async () => {
    await m.page.getByRole('textbox', { name: 'Called number' }).fill('090-2222-3333');
    await m.page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Busy' });
    await m.page.getByRole('button', { name: 'Set outcome' }).click();
    await expectSimDone(m, 'Set outcome of 090-2222-3333');
    await m.page.getByRole('list', { name: 'Outcomes set from this page' }).getByText('090-2222-3333: Busy').waitFor();
    const callId = dial('09022223333');
    await expect.poll(async () => (await simCall(callId))?.state, { timeout: 5000 }).toBe('ended');
    expect(stage.stack.simulator.pbx.recentCalls(stage.stack.simulator.pbx.signIn('agent03', 'biztel').token).find((c) => c.callId === callId)?.endReason).toBe('busy');
  });

  it('the far end answers an outbound call still ringing, then hangs up', async () => {
    const callId = dial('03-7777-8888');
    await expect.poll(() => row(m.page, callId).count()).toBe(1);
    await row(m.page, callId).getByRole('button', { name: 'Answer (far end)' }).click();
    await expect.poll(async () => (await simCall(callId))?.state).toBe('connected');
    await row(m.page, callId).getByRole('button', { name: 'Hang up (far end)' }).click();
    await expect.poll(async () => (await simCall(callId))?.state).toBe('ended');
  });

  /** Sets a number's outcome with the Simulator tab's form, as QA does. */
  async function setOutcomeInPanel(number: string, label: 'Answers' | 'Busy' | 'Does not answer' | 'Invalid number'): Promise<void> {
    await m.page.getByRole('textbox', { name: 'Called number' }).fill(number);
    await m.page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label });
    await m.page.getByRole('button', { name: 'Set outcome' }).click();
    await expectSimDone(m, `Set outcome of ${number}`);
    await m.page.getByRole('list', { name: 'Outcomes set from this page' }).getByText(`${number}: ${label}`).waitFor();
  }

  /** agent01 answers a call and transfers it from the panel; resolves with the call's id. */
  async function transferInPanel(target: string, mode: 'Blind transfer' | 'Consult'): Promise<string> {
    const callId = await answeredCall(m);
    await transfer(m, target, mode);
    return callId;
  }

  it('"Answers": a consult transfer to the number connects, and completing it hands the call over', async () => {
    await setOutcomeInPanel('090-7777-0001', 'Answers');
    const callId = await transferInPanel('090-7777-0001', 'Consult');
    await m.panel.getByText('Talking to 090-7777-0001 (the caller is on hold)').waitFor();
    await m.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByText(/^The call went on to another agent or number/).waitFor();
    await expect.poll(async () => (await simCall(callId))?.agent).toBeUndefined();
    // Handed to the outside number with no agent left on it: over for the simulator, not "connected" for ever.
    expect((await simCall(callId))?.state).toBe('ended');
    await row(m.page, callId).getByText('ended').waitFor();
    expect(await row(m.page, callId).getByRole('button', { name: 'Hang up (far end)' }).count()).toBe(0);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('"Does not answer": a blind transfer to the number comes back to the agent with the reason', async () => {
    await setOutcomeInPanel('090-7777-0002', 'Does not answer');
    const callId = await transferInPanel('090-7777-0002', 'Blind transfer');
    await m.panel.getByText('The transfer to 090-7777-0002 did not go through. There was no answer.', { exact: false }).waitFor();
    expect((await simCall(callId))?.agent).toBe('agent01');
    await m.panel.getByRole('button', { name: 'Cancel transfer' }).click();
    await expectCallState(m.panel, 'Connected'); // back with the caller
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('"Invalid number": the agent dials it from the panel and the call ends so', async () => {
    await setOutcomeInPanel('090-7777-0003', 'Invalid number');
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('090-7777-0003');
    await m.panel.getByRole('button', { name: 'Call', exact: true }).click();
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByText('The number is not in service or is not valid.').waitFor();
    const call = (await latestCall())!;
    expect(call).toMatchObject({ direction: 'outbound', to: '09077770003', state: 'ended' });
    await expect.poll(() => tasksFor(m, call.callId)).toEqual([expect.objectContaining({ CallDisposition: 'Invalid number', CallDurationInSeconds: 0 })]);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('raised no errors in the pages (but the refused requests above)', () => {
    const unexpected = (errors: string[]) => errors.filter((e) => !e.includes('status of 400 (Bad Request)'));
    expect(unexpected(m.errors)).toEqual([]);
    expect(unexpected(second.errors)).toEqual([]);
  });
});
