/**
 * Japanese in a narrow panel: at the widths a utility bar or the Classic pane gives it, no button's
 * label wraps onto a second line, nothing scrolls sideways, and the agent's name and sign-out stay
 * in view. Measured in real Chromium with a real Japanese font (src/dev/japanese-font.ts): kanji and
 * kana a full em wide, as on an agent's PC.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { VIEWPORT } from '../dev/mock-page';
import { fontsLoaded, addJapaneseFont } from '../dev/japanese-font';
import { attachMockPage, expectCallState, mockStage, signIn, type MockPage } from './support';
import { panelFrame } from './mock-helpers';

const stage = mockStage();
beforeEach(() => stage.reset());

/** What the page measured: one line per problem, empty when the layout fits. */
interface Measured {
  problems: string[];
  buttons: number;
}

/**
 * Runs in the panel's frame. A button's visible label is its text outside assistive text and
 * hidden parts; its lines are the distinct line boxes that text lays out on.
 */
function measure(): Measured {
  const problems: string[] = [];
  const root = document.querySelector<HTMLElement>('main.panel');
  if (!root) return { problems: ['no panel'], buttons: 0 };
  if (root.scrollWidth > root.clientWidth) problems.push(`the panel scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);
  const page = document.scrollingElement;
  if (page && page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth} px)`);
  const bounds = root.getBoundingClientRect();
  let buttons = 0;
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button'))) {
    const box = button.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(button).visibility === 'hidden') continue;
    buttons += 1;
    // The visible label: every piece of text the button draws (assistive text draws nothing).
    const texts: Text[] = [];
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent?.trim() || !parent || parent.closest('.slds-assistive-text') || parent.getClientRects().length === 0) continue;
      texts.push(node as Text);
    }
    const label = texts.map((t) => t.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
    // The accessible name: aria-label, else the text outside aria-hidden parts (assistive text included).
    const named = Array.from(button.querySelectorAll('[aria-hidden="true"]'));
    const name = (button.getAttribute('aria-label') ?? Array.from(button.childNodes).filter((n) => !named.some((h) => h === n || h.contains(n))).map((n) => n.textContent ?? '').join(''))
      .replace(/\s+/g, ' ')
      .trim();
    const what = `"${name || label}"`;
    if (!name) problems.push(`a button has no accessible name (label "${label}")`);
    if (label && !name.includes(label)) problems.push(`${what}: its visible label "${label}" is not part of its name`);
    if (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5) problems.push(`${what} is cut off (${Math.round(box.left)}–${Math.round(box.right)} of ${Math.round(bounds.left)}–${Math.round(bounds.right)})`);
    if (texts.length === 0) continue;
    const range = document.createRange();
    const tops: number[] = [];
    for (const text of texts) {
      range.selectNodeContents(text);
      for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.push(rect.top);
    }
    // Runs of one line can sit a pixel or two apart (Latin and kana baselines); a new line is a line height below.
    const lineGap = parseFloat(getComputedStyle(button).fontSize) * 0.6;
    const lines = tops.sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1]! > lineGap).length;
    if (lines > 1) problems.push(`${what}: its label "${label}" wraps onto ${lines} lines`);
    // A label cut short by its button (ellipsis or overflow) does not wrap, but is not readable either.
    for (const el of [button, ...Array.from(button.querySelectorAll<HTMLElement>('*'))]) {
      if (el.closest('.slds-assistive-text') || el.scrollWidth <= el.clientWidth + 1 || getComputedStyle(el).overflow === 'visible') continue;
      problems.push(`${what}: its label is cut short`);
      break;
    }
  }
  return { problems, buttons };
}

async function expectFits(m: MockPage, width: number, state: string): Promise<void> {
  const frame = await panelFrame(m.page);
  await frame.evaluate(fontsLoaded);
  const measured = await frame.evaluate(measure);
  expect(measured.buttons, `${width} px, ${state}: buttons measured`).toBeGreaterThan(1);
  expect.soft(measured.problems, `${width} px, ${state}`).toEqual([]);
}

/** The agent's name and the sign-out button in full view at the top. */
async function expectAgentVisible(m: MockPage, name: string): Promise<void> {
  const agent = await (await panelFrame(m.page)).evaluate((expected) => {
    const el = Array.from(document.querySelectorAll<HTMLElement>('header *')).find((e) => e.children.length === 0 && e.textContent === expected);
    const root = document.querySelector('main.panel')!.getBoundingClientRect();
    if (!el) return 'missing';
    const box = el.getBoundingClientRect();
    if (box.width === 0 || el.scrollWidth > el.clientWidth + 1) return `cut short (${el.scrollWidth} > ${el.clientWidth})`;
    return box.left >= root.left && box.right <= root.right ? 'visible' : 'outside the panel';
  }, name);
  expect.soft(agent, `the agent's name ${name}`).toBe('visible');
  await expect.poll(() => m.panel.getByRole('button', { name: 'サインアウト', exact: true }).isVisible()).toBe(true);
}

describe('Japanese in a narrow panel', () => {
  it.each([
    [200, 'lightning'],
    [260, 'lightning'],
    [300, 'lightning'],
    [200, 'classic'],
  ] as const)('fits at %i px (%s): ready, ringing, connected, transfer and consult', async (width, mode) => {
    const context = stage.track(await stage.browser.newContext({ viewport: VIEWPORT }));
    await addJapaneseFont(context);
    const m = await attachMockPage(await context.newPage(), stage.stack.mockUrl(`lang=ja&user=agent01&mode=${mode}`));
    await m.cti((cti, w) => cti.host.setCallCenterSettings({ '/reqGeneralInfo/reqSoftphoneWidth': String(w) }), width);
    await expect.poll(async () => (await panelFrame(m.page)).evaluate(() => window.innerWidth)).toBe(width);

    await signIn(m.panel, 'agent01', 'ja');
    await expectAgentVisible(m, 'エージェント01');
    await expectFits(m, width, 'ready');

    await m.cti((cti) => cti.server.incomingCall({ from: '045-333-4444' }));
    await m.panel.getByRole('button', { name: '応答', exact: true }).waitFor();
    await expectFits(m, width, 'ringing');
    await m.panel.getByRole('button', { name: '応答', exact: true }).click();
    await expectCallState(m.panel, '通話中', 'ja');
    await expectFits(m, width, 'connected');
    await expectAgentVisible(m, 'エージェント01');

    await m.panel.getByRole('button', { name: '転送', exact: true }).click();
    await m.panel.getByRole('button', { name: 'ブラインド転送', exact: true }).waitFor();
    await expectFits(m, width, 'transfer');

    // An outside number that answers: the consult is up, with its Complete and Cancel buttons.
    await m.cti((cti) => cti.server.setOutcome('0312340000', 'answer'));
    await m.panel.getByRole('textbox', { name: '転送先' }).fill('03-1234-0000');
    await m.panel.getByRole('button', { name: '打診転送', exact: true }).click();
    await m.panel.getByRole('button', { name: '転送完了', exact: true }).waitFor({ timeout: 10_000 });
    await expectCallState(m.panel, '打診中', 'ja');
    await expectFits(m, width, 'consult');
  });
});
