/**
 * The server version through the automation API: setVersion acts as a restart on that
 * version and the panel re-reads it (its package notice names the package the manual pairs it with), setScheduledUpgrade is
 * re-read too, and the 3.3 → 3.4+ outbound-pop migration shows in what the panel does
 * on an outbound call.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScreenPop } from '../mock/mock-cti';
import { logWrites } from './agents';
import { expectCallState, popRequests, screenPops, signIn, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

const notice = (m: MockPage) => m.panel.getByRole('note');

/**
 * The agent dials from the panel and the far end answers; resolves with the call and the pops the
 * host performed from the dial on. (A deferred pop is a plain screenPop: it carries no call type.)
 * Nothing may pop while it rings out: neither setting below pops "on dial". The dial's search only
 * links, and the card says why (`dialHint`) once it has answered: a pop on dial would be in by then.
 */
async function dialAndAnswer(m: MockPage, number: string, dialHint: string): Promise<{ callId: string; pops: () => Promise<ScreenPop[]> }> {
  const before = (await screenPops(m)).length;
  const since = async () => (await screenPops(m)).slice(before);
  await m.panel.getByRole('textbox', { name: 'Phone number' }).fill(number);
  await m.panel.getByRole('button', { name: 'Call', exact: true }).click();
  await expectCallState(m.panel, 'Dialing');
  const call = await m.cti((cti) => cti.server.calls().then((calls) => calls.at(-1)!));
  await m.panel.getByText(dialHint).waitFor();
  expect(await since()).toEqual([]);
  await m.cti((cti, id) => cti.server.remoteAnswer(id), call.callId);
  await expectCallState(m.panel, 'Connected');
  return { callId: call.callId, pops: since };
}

describe('the server version, set through window.mockCti', () => {
  it('setVersion: the panel reconnects, re-reads the version and shows the package the manual pairs it with', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    expect(await notice(m).count()).toBe(0); // 3.9.0 pairs with this package
    await m.cti((cti) => cti.server.setVersion('3.3.0'));
    await notice(m).getByText(/BIZTEL server 3\.3\.0 is paired with Open CTI package 3\.33/).waitFor({ timeout: 10_000 });
    await m.panel.getByRole('combobox', { name: 'Status' }).waitFor(); // still signed in: the session resumed
    await m.cti((cti) => cti.server.setScheduledUpgrade('3.7.1'));
    await notice(m).getByText(/upgrade to 3\.7\.1 is scheduled.*from 3\.33 to 3\.42/).waitFor({ timeout: 10_000 });
    await m.cti((cti) => cti.server.setScheduledUpgrade(null));
    await m.cti((cti) => cti.server.setVersion('3.9.0'));
    await expect.poll(() => notice(m).count(), { timeout: 10_000 }).toBe(0);
  });

  /**
   * The server runs 3.3 with this inbound pop timing, then is upgraded to 3.5.10. The outbound pop
   * is set to the other value first (3.3 itself has no such setting), so only the migration can
   * make it what the test expects.
   */
  async function upgradedFrom33(m: MockPage, inboundPopup: 'ring' | 'answer', outboundPopupBefore: 'never' | 'answer'): Promise<void> {
    await m.cti(
      async (cti, settings) => {
        await cti.server.setSystemSettings({ outboundPopup: settings.outboundPopupBefore });
        await cti.server.setVersion('3.3.0');
        await cti.server.setSystemSettings({ inboundPopup: settings.inboundPopup });
        await cti.server.setVersion('3.5.10');
      },
      { inboundPopup, outboundPopupBefore },
    );
    await notice(m).getByText(/BIZTEL server 3\.5\.10 is paired with Open CTI package 3\.42/).waitFor({ timeout: 10_000 });
    await m.panel.getByRole('combobox', { name: 'Status' }).waitFor();
  }

  // on answer → outbound pops on answer, by the dialled number; on ring → outbound pop "never".
  it.each([
    ['answer', 'never'],
    ['ring', 'answer'],
  ] as const)('3.3 with inbound pop "on %s", upgraded to 3.5.10: the outbound pop (%s before) follows the migration', async (inboundPopup, outboundPopupBefore) => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    await upgradedFrom33(m, inboundPopup, outboundPopupBefore);
    const dialHint = inboundPopup === 'answer' ? 'The record opens when the call is answered.' : 'The pop setting is "never", so no record was opened.';
    const { callId, pops } = await dialAndAnswer(m, '03-5555-0101', dialHint);
    if (inboundPopup === 'answer') {
      // The record of the dialled number (3.5.10 searches by destination), popped on answer.
      await expect.poll(pops, { timeout: 5000 }).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
      const searches = await m.cti((cti) => cti.host.calls().filter((c) => c.methodName === 'searchAndScreenPop').map((c) => c.args as { searchParams: string; callType: string }));
      expect(searches.at(-1)).toMatchObject({ searchParams: '0355550101', callType: 'outbound' });
    } else {
      // A pop at answer would be sent before the log that is written when the call ends.
      const hungUpAt = await m.cti(() => Date.now());
      await m.panel.getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => logWrites(m, hungUpAt, callId)).not.toEqual([]);
      expect(await popRequests(m)).toEqual([]); // none at all in this test: the dial's search was deferred
      expect(await pops()).toEqual([]);
    }
  });
});
