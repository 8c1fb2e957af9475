// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import { endedEntry } from '../app/testing/fake-host.test-support';
import { Alerts } from './Alerts';
import { CallControls } from './CallControls';
import { DialPad } from './DialPad';
import { TransferView } from './TransferView';
import { click, fillIn, getByLabel, getByRole, renderPanel, signedInPanel, update, type Rendered } from './test-support/render';

const CALL = makeCall({ callId: 'C1', state: 'connected', connectedAt: 1000 });
const alertTexts = (r: Rendered) => Array.from(r.container.querySelectorAll('[role="alert"]')).map((a) => a.textContent);

let rendered: Rendered | null = null;

describe('the alert region', () => {
  it('is one region: the signed-out reason, the alerts and the refused logs, each once', async () => {
    rendered = await renderPanel(<Alerts />, { panel: signedInPanel() });
    const r = rendered;
    await update(() => {
      r.store.getState().signedOut('signedInElsewhere');
      r.store.getState().alertShown({ key: 'error.OFFLINE', tone: 'error', cause: { kind: 'link' } });
      r.store.getState().alertShown({ key: 'error.OFFLINE', tone: 'error', cause: { kind: 'link' } });
      r.store.getState().logsChanged(1, [{ callId: 'C9', subject: '着信 03-5555-0101', reason: '項目が長すぎます。' }], true);
    });
    expect(r.container.querySelectorAll('.panel__alerts')).toHaveLength(1);
    expect(alertTexts(r)).toEqual([
      expect.stringContaining('別の場所で同じエージェントがサインインした'),
      expect.stringContaining('BIZTEL サーバに接続されていない'),
      expect.stringContaining('着信 03-5555-0101'),
    ]);
  });

  it('"not connected" leaves the screen when the link is back', async () => {
    rendered = await renderPanel(<Alerts />, { panel: signedInPanel() });
    const r = rendered;
    await update(() => r.store.getState().linkChanged('reconnecting', 'transport close'));
    await update(() => r.store.getState().alertShown({ key: 'error.OFFLINE', tone: 'error', cause: { kind: 'link' } }));
    expect(alertTexts(r)).toHaveLength(1);
    await update(() => r.store.getState().linkChanged('ready', null));
    expect(alertTexts(r)).toEqual([]);
  });
});

describe('an alert about a field', () => {
  it('"Enter a transfer target" marks the field, and goes once a target is typed', async () => {
    rendered = await renderPanel(
      <>
        <Alerts />
        <TransferView call={CALL} onDone={() => {}} />
      </>,
      { panel: signedInPanel() },
    );
    const r = rendered;
    await update(() => r.store.getState().callChanged({ ...endedEntry({ callId: 'C1' }), call: CALL }));
    await click(getByRole(r.container, 'button', 'ブラインド転送'));
    expect(alertTexts(r)).toEqual([expect.stringContaining('転送先を入力してください。')]);
    const target = getByLabel(r.container, '転送先') as HTMLInputElement;
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(r.container.ownerDocument.getElementById(target.getAttribute('aria-describedby') ?? '')?.textContent).toContain('転送先を入力してください。');
    await fillIn(target, 'agent02');
    expect(alertTexts(r)).toEqual([]);
    expect(target.hasAttribute('aria-invalid')).toBe(false);
  });

  it('"not a phone number" goes when the number is changed, and with sign-out', async () => {
    rendered = await renderPanel(
      <>
        <Alerts />
        <DialPad />
      </>,
      { panel: signedInPanel() },
    );
    const r = rendered;
    await fillIn(getByLabel(r.container, '電話番号') as HTMLInputElement, 'abc');
    await click(getByRole(r.container, 'button', '発信'));
    expect(alertTexts(r)).toEqual([expect.stringContaining('「abc」は電話番号ではない')]);
    await fillIn(getByLabel(r.container, '電話番号') as HTMLInputElement, '03-1234-5678');
    expect(alertTexts(r)).toEqual([]);

    await fillIn(getByLabel(r.container, '電話番号') as HTMLInputElement, 'xyz');
    await click(getByRole(r.container, 'button', '発信'));
    expect(alertTexts(r)).toHaveLength(1);
    await update(() => r.store.getState().signedOut(null));
    expect(alertTexts(r)).toEqual([]);
  });
});

describe('a narrow label', () => {
  it('Park keeps its name パーク保留 while it may show パーク', async () => {
    rendered = await renderPanel(<CallControls call={CALL} />, { panel: signedInPanel() });
    const park = getByRole(rendered.container, 'button', 'パーク保留');
    expect(park.getAttribute('aria-label')).toBe('パーク保留');
    const shown = Array.from(park.querySelectorAll('.panel-button__label')).map((l) => [l.textContent, l.getAttribute('aria-hidden')]);
    expect(shown).toEqual([
      ['パーク保留', null],
      ['パーク', 'true'],
    ]);
    // Buttons without a shorter word are named by their text alone.
    expect(getByRole(rendered.container, 'button', '保留').hasAttribute('aria-label')).toBe(false);
  });
});
