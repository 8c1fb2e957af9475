/**
 * Fuzzing what reaches the panel in the browser: ≥ 10,000 malformed postMessages from the host
 * origin (Open CTI answers and listener events with garbage inside, click-to-dial payloads) and
 * malformed tab-channel messages. Zero uncaught errors, and the panel still pops and logs a call.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzPayload, randomJson, seeded, type Json } from '../protocol/fuzz.test-support';
import { expectCallState, screenPops, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage();
let m: MockPage;

beforeAll(async () => {
  m = await stage.page('lang=en');
  await signIn(m.panel);
});

const LISTENERS = ['onClickToDial', 'onNavigationChange'];

/** Something shaped like the host's answers and pushes, with garbage where it matters. */
function openCtiNearMiss(random: () => number): Json {
  const r = random();
  if (r < 0.4) {
    return { apiVersion: 57, apiType: 'opencti', methodName: 'searchAndScreenPop', callId: Math.floor(random() * 40), response: randomJson(random), shouldExecuteCallback: true };
  }
  if (r < 0.8) {
    const clickLike = { number: randomJson(random), recordId: randomJson(random), recordName: randomJson(random), objectType: randomJson(random) };
    return { apiVersion: 57, apiType: 'opencti', methodName: LISTENERS[Math.floor(random() * 2)]!, response: random() < 0.5 ? clickLike : randomJson(random), shouldExecuteListener: true };
  }
  return { apiVersion: random() < 0.5 ? 57 : randomJson(random), apiType: randomJson(random), methodName: randomJson(random), callId: randomJson(random), response: randomJson(random) };
}

function tabNearMiss(random: () => number): Json {
  const types = ['presence', 'state', 'request', 'reply', 'leader', 'claim', 'sync', 'bye'];
  return { type: types[Math.floor(random() * types.length)]!, from: random() < 0.5 ? 'intruder' : randomJson(random), to: randomJson(random), state: randomJson(random), requestId: randomJson(random), method: 'port', args: randomJson(random), seq: random() * 1e6, term: randomJson(random) };
}

describe('fuzzing the panel in the browser', () => {
  it('survives 10,000 malformed Open CTI messages and 2,000 malformed tab messages', { timeout: 120_000 }, async () => {
    const random = seeded(1124);
    const panelOrigin = new URL(stage.stack.mockUrl()).origin.replace('localhost', '127.0.0.1');
    const frame = m.page.frames().find((f) => f.url().startsWith(panelOrigin))!;
    let sent = 0;
    for (let batch = 0; batch < 20; batch++) {
      const messages: unknown[] = Array.from({ length: 500 }, () => fuzzPayload(random, openCtiNearMiss));
      await m.page.evaluate(
        ([list, origin]) => {
          const target = document.querySelector<HTMLIFrameElement>('iframe[title="BIZTEL Open CTI softphone"]')!.contentWindow!;
          for (const message of list) target.postMessage(message, origin);
        },
        [messages, panelOrigin] as const,
      );
      sent += messages.length;
    }
    const channel = `biztel-cti:v1:0055555000001AA:http://localhost:${stage.stack.simulator.port}/`;
    const tabMessages: unknown[] = Array.from({ length: 2000 }, () => fuzzPayload(random, tabNearMiss));
    await frame.evaluate(
      ([name, list]) => {
        const intruder = new BroadcastChannel(name);
        for (const message of list) intruder.postMessage(message);
        intruder.close();
      },
      [channel, tabMessages] as const,
    );
    await new Promise((r) => setTimeout(r, 1500));
    console.log(`panel fuzz: ${sent} postMessages, ${tabMessages.length} tab-channel messages, page errors ${m.errors.length}`);
    expect(m.errors).toEqual([]);

    // Still a working panel: it pops and logs a call.
    await m.panel.getByRole('button', { name: /Dismiss/ }).first().click().catch(() => {}); // fuzz alerts may be showing
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => screenPops(m).then((p) => p.filter((x) => x.searchParams === '0355550101').length)).toBeGreaterThanOrEqual(1);
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toEqual([expect.objectContaining({ WhoId: '0035555000001AA' })]);
  });
});
