/** Scenario scripts on the mock page: shipped ones run end to end, from the tab and from mockCti; bad ones are refused clearly. */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectCallState, signIn, mockStage } from './support';
import { openTab } from './mock-helpers';

const stage = mockStage({ simulator: { timing: { outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

describe('scenarios', () => {
  it('lists the shipped scenarios, titled in the page language', async () => {
    const m = await stage.page('lang=en');
    const list = await m.cti((cti) => cti.scenarios.list());
    expect(list.map((s) => [s.id, s.title])).toEqual([
      ['busy-callee', 'Busy callee'],
      ['queue-ring-all', 'Queue, ring every agent'],
      ['consult-then-cancel', 'Consult, then cancel'],
      ['restart-mid-call', 'Restart mid-call'],
    ]);
    const ja = await stage.page();
    expect((await ja.cti((cti) => cti.scenarios.list()))[3]?.title).toBe('通話中にサーバ再起動');
  });

  it('runs "restart mid-call" from mockCti while the agent answers; the tab shows every step passed', async () => {
    const m = await stage.page('lang=en');
    await openTab(m, 'Scenarios');
    const running = m.cti((cti) => cti.scenarios.run('restart-mid-call'));
    const status = m.page.getByRole('status', { name: 'Scenario status' });
    await status.getByText('Running: Restart mid-call').waitFor();
    await signIn(m.panel);
    await m.panel.getByRole('button', { name: 'Answer', exact: true }).click();
    const report = await running;
    expect(report.status).toBe('passed');
    expect(report.steps.map((s) => [s.step.step, s.status])).toEqual([
      ['say', 'ok'],
      ['expectAgent', 'ok'],
      ['incomingCall', 'ok'],
      ['say', 'ok'],
      ['expectCallState', 'ok'],
      ['wait', 'ok'],
      ['restart', 'ok'],
      ['expectCallState', 'ok'],
      ['expectAgent', 'ok'],
      ['say', 'ok'],
    ]);
    await status.getByText('Passed: Restart mid-call').waitFor();
    const steps = m.page.getByRole('list', { name: 'Scenario steps' }).getByRole('listitem');
    expect(await steps.count()).toBe(10);
    expect(await m.page.locator('.scenario__step[data-status="ok"]').count()).toBe(10);
    // What the scenario says happens: the panel finds its session gone and asks to sign in again.
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor({ timeout: 15_000 });
  });

  it('runs "busy callee" from the Scenarios tab while the agent dials', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    await openTab(m, 'Scenarios');
    await m.page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('busy-callee');
    await m.page.getByRole('button', { name: 'Run scenario' }).click();
    const steps = m.page.getByRole('list', { name: 'Scenario steps' });
    await steps.getByRole('listitem').filter({ hasText: 'Dial 090-2222-3333' }).waitFor();
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('090-2222-3333');
    await m.panel.getByRole('button', { name: 'Call', exact: true }).click();
    await m.page.getByRole('status', { name: 'Scenario status' }).getByText('Passed: Busy callee').waitFor({ timeout: 15_000 });
    await expectCallState(m.panel, 'Ended');
    expect(await steps.getByRole('listitem').filter({ hasText: 'waitForCall' }).textContent()).toMatch(/ok\s*waitForCall \d{20} \(outbound 03-1234-5678 → 09022223333/);
  });

  it('runs an uploaded script, and refuses a broken one with every problem named, before doing anything', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    await openTab(m, 'Scenarios');
    const script = [
      { step: 'incomingCall', from: '03-5555-0101', as: 'c' },
      { step: 'expectCallState', call: 'c', state: 'ringing' },
      { step: 'remoteHangup', call: 'c' },
      { step: 'expectCallState', call: 'c', state: 'ended' },
    ];
    await m.page.getByLabel('Upload scenario (JSON)').setInputFiles({ name: 'ring.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(script)) });
    await expect.poll(async () => JSON.parse(await m.page.getByRole('textbox', { name: 'Scenario JSON' }).inputValue()) as unknown).toEqual(script);
    expect(await m.page.getByRole('combobox', { name: 'Scenario', exact: true }).inputValue()).toBe('custom');
    await m.page.getByRole('button', { name: 'Run scenario' }).click();
    await m.page.getByRole('status', { name: 'Scenario status' }).getByText('Passed: Scenario').waitFor();
    expect((await m.cti((cti) => cti.server.calls())).map((c) => c.state)).toEqual(['ended']);

    await m.page.getByRole('textbox', { name: 'Scenario JSON' }).fill('[{"step": "ring", "from": "1"}, {"step": "wait", "ms": "2s"}, {"step": "remoteHangup"}]');
    await m.page.getByRole('button', { name: 'Run scenario' }).click();
    const alert = m.page.getByRole('alert');
    await alert.getByText('Step 1: unknown step "ring"', { exact: false }).waitFor();
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Step 1: unknown step "ring"; the steps are say, wait, /),
      'Step 2 (wait): ms: expected number',
      'Step 3 (remoteHangup): there is no call yet: start one with incomingCall or find one with waitForCall first.',
    ]);
    await expect(m.cti((cti) => cti.scenarios.run([{ step: 'wait' }]))).rejects.toThrow(/The scenario is not valid:\nStep 1 \(wait\): ms: expected number \(missing\)/);
    expect(await m.cti((cti) => cti.server.calls())).toHaveLength(1); // nothing ran
  });
});
