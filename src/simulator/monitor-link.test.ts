import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './server';

const READY_MS = 1_500;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, timing: { recordingDelayMs: 20, recordingReadyMs: READY_MS } });
});
afterAll(() => sim.close());

const get = async (path: string) => {
  const response = await fetch(new URL(path, sim.url));
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

/** agent01 talks on a call; returns its id and a hang-up that returns a time no later than the hang-up. */
function answeredCall() {
  const { token } = sim.pbx.signIn('agent01', 'biztel');
  const { callId } = sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
  sim.pbx.answer(token, callId);
  return {
    callId,
    hangUp: () => {
      const before = Date.now();
      sim.pbx.remoteHangup(callId);
      return before;
    },
  };
}

describe('the recording page, /monitor_link/<request ID>', () => {
  it('is an HTML page saying the recording is being prepared, until a while after the hang-up, then a player and a download link', async () => {
    const { callId, hangUp } = answeredCall();
    expect(callId).toMatch(/^\d{20}$/);
    const page = `/monitor_link/${callId}`;
    const during = await get(page);
    expect(during).toMatchObject({ status: 202, type: 'text/html; charset=utf-8' });
    expect(during.text).toContain('The recording is being prepared');
    expect(during.text).toContain('http-equiv="refresh"');
    expect(during.text).not.toContain('<audio');

    const hungUpAt = hangUp();
    const after = await get(page);
    expect(after.status).toBe(202);
    expect((await get(`${page}/recording.wav`)).status).toBe(404);
    // The link the call event carries is this page, on the server's own address.
    await expect.poll(() => sim.pbx.resume(sim.pbx.agents.get('agent01')!.session!.token, 0).session.calls[0]?.recordingUrl).toBe(`${sim.url}monitor_link/${callId}`);

    await expect.poll(async () => (await get(page)).status, { timeout: READY_MS + 5_000, interval: 100 }).toBe(200);
    expect(Date.now() - hungUpAt).toBeGreaterThanOrEqual(READY_MS);
    const ready = await get(page);
    expect(ready.type).toBe('text/html; charset=utf-8');
    expect(ready.text).toContain(`<audio controls preload="none" src="${callId}/recording.wav"`);
    expect(ready.text).toContain(`<a href="${callId}/recording.wav" download="${callId}.wav">`);
    const audio = await fetch(new URL(`${page}/recording.wav`, sim.url));
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString('ascii')).toBe('RIFF');
  });

  it('is a 404 page for an id the server does not know, and for a call nobody answered', async () => {
    for (const id of ['00000000000000000001', 'nope', '%E0%A4%A']) {
      const unknown = await get(`/monitor_link/${id}`);
      expect(unknown, id).toMatchObject({ status: 404 });
      expect(unknown.type, id).toMatch(/^text\/html|^application\/json/);
    }
    expect(await get('/monitor_link/00000000000000000001')).toMatchObject({ type: 'text/html; charset=utf-8' });
    sim.pbx.signIn('agent02', 'biztel');
    const { callId } = sim.pbx.incomingCall({ from: null, agent: 'agent02' });
    sim.pbx.remoteHangup(callId);
    expect(await get(`/monitor_link/${callId}`)).toMatchObject({ status: 404, type: 'text/html; charset=utf-8' });
  });

  it('escapes what it echoes of the address', async () => {
    const page = await get(`/monitor_link/${encodeURIComponent('<script>x</script>')}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('<script>');
  });
});
