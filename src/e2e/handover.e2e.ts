/**
 * What travels with a call and what the panel remembers for it: the hand-over (申し送り) at the agent
 * who receives a transfer or picks up a park, and in their Task; the record chosen for a number,
 * offered first next time; the click-to-call record shown as the one selected.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage, tasksOf, transfer } from './agents';
import { expectCallState, mockStage, screenPops, type MockPage } from './support';

const stage = mockStage();
beforeEach(() => stage.reset());

const TAKAHASHI = '0035555000003AA';
const TANAKA = '0035555000004AA';
const SHARED = '045-333-4444';

/** The related-record choice as the agent sees it: each option's text and whether it is selected. */
async function recordChoice(m: MockPage, name = 'Related record') {
  const radios = m.panel.getByRole('radiogroup', { name }).getByRole('radio');
  const out: { label: string; checked: boolean }[] = [];
  for (const radio of await radios.all()) {
    const label = (await radio.locator('xpath=..').textContent()) ?? '';
    out.push({ label: label.replace(/\s+/g, ' ').trim(), checked: await radio.isChecked() });
  }
  return out;
}

describe('the hand-over (申し送り)', () => {
  it('goes with a consult transfer: the receiving agent sees the notes, result and record read-only, and their Task quotes it', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const callId = await answeredCall(a, SHARED);
    await a.panel.getByRole('radio', { name: /田中 美咲/ }).check();
    await a.panel.getByRole('textbox', { name: 'Notes' }).fill('Wants to change the address.');
    await a.panel.getByRole('textbox', { name: 'Result' }).fill('Call back');
    await transfer(a, 'agent02', 'Consult');
    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');
    // What the agent adds while talking to the colleague goes too.
    await a.panel.getByRole('textbox', { name: 'Notes' }).fill('Wants to change the address.\nForms already sent.');
    await a.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(a.panel, 'Ended');

    const handover = b.panel.getByRole('region', { name: 'Hand-over' });
    await expect.poll(() => handover.textContent()).toContain('Forms already sent.');
    const text = (await handover.textContent()) ?? '';
    expect(text).toContain('Transferred by エージェント01');
    expect(text).toContain('Call back');
    expect(text).toContain('田中 美咲');
    expect(await handover.getByRole('textbox').count()).toBe(0); // read-only
    expect(await b.panel.getByRole('textbox', { name: 'Result' }).inputValue()).toBe(''); // never pre-filled
    expect((await recordChoice(b)).find((o) => o.checked)?.label).toContain('田中 美咲');

    await b.panel.getByRole('textbox', { name: 'Notes' }).fill('Address updated.');
    await b.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(b.panel, 'Ended');
    await expect.poll(() => tasksOf(b, callId, 'agent02').then((t) => t[0]?.Description), { timeout: 5000 }).toContain('Address updated.');
    const [received] = await tasksOf(b, callId, 'agent02');
    expect(received).toMatchObject({ WhoId: TANAKA, CallDisposition: 'Completed' });
    expect(String(received!.Description)).toContain(
      ['Address updated.', '', 'Hand-over from エージェント01 (agent01) (transferred)', 'Result: Call back', 'Related record: 田中 美咲', '> Wants to change the address.', '> Forms already sent.'].join('\n'),
    );
    // Each agent has their own Task; the sender's is theirs alone.
    const [sent] = await tasksOf(a, callId, 'agent01');
    expect(sent).toMatchObject({ WhoId: TANAKA, CallDisposition: 'Call back' });
    expect(String(sent!.Description)).not.toContain('Hand-over');
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('goes with a parked call another agent picks up by dialling the park number (Japanese)', async () => {
    const a = await signedInPage(stage, 'agent01', 'ja');
    const b = await signedInPage(stage, 'agent02', 'ja');
    const callId = await answeredCall(a, '03-5555-0101', 'ja');
    await a.panel.getByRole('textbox', { name: 'メモ' }).fill('請求書の再発行');
    await a.panel.getByRole('button', { name: 'パーク保留', exact: true }).click();
    await expectCallState(a.panel, 'パーク保留中', 'ja');
    const parkNumber = ((await a.panel.getByText(/パーク番号 7\d\d/).textContent()) ?? '').replace(/\D/g, '');

    await b.panel.getByRole('textbox', { name: '電話番号' }).fill(parkNumber);
    await b.panel.getByRole('button', { name: '発信', exact: true }).click();
    await expectCallState(b.panel, '通話中', 'ja');
    await expectCallState(a.panel, '終了', 'ja');
    // The parking agent reads that the call moved on, not that they transferred it.
    await a.panel.getByText('通話は他の担当者・番号に移りました(転送、またはパーク保留からの応答)。').waitFor();
    const handover = b.panel.getByRole('region', { name: '申し送り' });
    await handover.getByText('エージェント01 がパーク保留した通話です').waitFor();
    await handover.getByText('請求書の再発行').waitFor();

    await b.panel.getByRole('button', { name: '切断' }).click();
    await expect.poll(() => tasksOf(b, callId, 'agent02').then((t) => t[0]?.Description), { timeout: 5000 }).toContain('> 請求書の再発行');
    expect(String((await tasksOf(b, callId, 'agent02'))[0]!.Description)).toContain('申し送り(エージェント01 (agent01) のパーク保留から)');
  });
});

describe('the related record', () => {
  it('chosen for a number is offered first next time: listed first, marked and preselected for the Task; what pops does not change', async () => {
    const a = await signedInPage(stage, 'agent01');
    const first = await answeredCall(a, SHARED);
    // The ring's search may still be answering when the call is taken.
    await expect.poll(() => recordChoice(a)).toEqual([
      { label: 'Contact 高橋 健', checked: false },
      { label: 'Contact 田中 美咲', checked: false },
    ]);
    await a.panel.getByRole('radio', { name: /田中 美咲/ }).check();
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(a.panel, 'Ended');
    await expect.poll(() => tasksOf(a, first, 'agent01')).toEqual([expect.objectContaining({ WhoId: TANAKA })]);
    const popsAfterFirst = await screenPops(a);

    const second = await answeredCall(a, SHARED);
    await expect.poll(() => recordChoice(a)).toEqual([
      { label: 'Contact 田中 美咲 (chosen last time)', checked: true },
      { label: 'Contact 高橋 健', checked: false },
    ]);
    const popsAfterSecond = await screenPops(a);
    expect(popsAfterSecond).toHaveLength(2 * popsAfterFirst.length);
    expect(popsAfterSecond.slice(popsAfterFirst.length).map((p) => p.type)).toEqual(popsAfterFirst.map((p) => p.type));
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksOf(a, second, 'agent01')).toEqual([expect.objectContaining({ WhoId: TANAKA })]);

    // The agent's other pick this time wins, and is what is remembered next.
    const third = await answeredCall(a, SHARED);
    await a.panel.getByRole('radio', { name: /高橋 健/ }).check();
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksOf(a, third, 'agent01')).toEqual([expect.objectContaining({ WhoId: TAKAHASHI })]);
    await answeredCall(a, SHARED);
    await expect.poll(() => recordChoice(a).then((o) => o[0])).toEqual({ label: 'Contact 高橋 健 (chosen last time)', checked: true });
  });

  it('a click-to-call from a record that shares its number shows that record as selected', async () => {
    const a = await signedInPage(stage, 'agent01');
    await a.cti((cti, id) => cti.host.clickToDial({ number: '045-333-4444', recordId: id }), TANAKA);
    await expect.poll(() => a.panel.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('045-333-4444');
    await a.panel.getByRole('button', { name: 'Call', exact: true }).click();
    await expectCallState(a.panel, 'Dialing');
    await expect.poll(() => recordChoice(a)).toEqual([
      { label: 'Contact 高橋 健', checked: false },
      { label: 'Contact 田中 美咲', checked: true },
    ]);
    const [call] = await a.cti((cti) => cti.server.calls());
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksOf(a, call!.callId, 'agent01')).toEqual([expect.objectContaining({ WhoId: TANAKA })]);
  });
});
