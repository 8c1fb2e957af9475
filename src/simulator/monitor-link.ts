/**
 * A call's recording page, as BIZTEL publishes it: `<server>/monitor_link/<request ID>`, an HTML page
 * with a player and a download link (not an audio file), which is ready only a while after the
 * hang-up. Until then it answers 202 with a page saying the recording is being prepared, which
 * reloads itself; an id the server has no recording for (unknown, or a call never answered) is a 404.
 */
import type { ServerResponse } from 'node:http';
import { recordingWav } from './wav';

const MONITOR_PATH = '/monitor_link/';

/** Where a call's recording page is on a server whose public address is `baseUrl`. */
export const monitorLink = (baseUrl: string, callId: string): string => new URL(`${MONITOR_PATH}${encodeURIComponent(callId)}`, baseUrl).href;

/** none: no such call, or no recording (never answered); preparing: live, or ended too recently. */
export type RecordingState = 'none' | 'preparing' | 'ready';

const AUDIO_FILE = 'recording.wav';

/** Parses `/monitor_link/<id>` (the page) and `/monitor_link/<id>/recording.wav` (its audio). */
export function parseMonitorPath(path: string): { callId: string; audio: boolean } | null {
  const match = /^\/monitor_link\/([^/]+)(\/recording\.wav)?$/.exec(path);
  if (!match?.[1]) return null;
  let callId: string;
  try {
    callId = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { callId, audio: match[2] !== undefined };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, refresh = false): string {
  return (
    `<!doctype html><html lang="ja"><head><meta charset="utf-8">` +
    (refresh ? `<meta http-equiv="refresh" content="2">` : '') +
    `<title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`
  );
}

/** Answers a request for a recording page or its audio, given the state of that call's recording. */
export function sendMonitor(res: ServerResponse, target: { callId: string; audio: boolean }, state: RecordingState): void {
  const { callId, audio } = target;
  const html = (status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  if (state === 'none') {
    html(404, page('録音がありません / No recording', `<p>リクエストID ${escape(callId)} の録音はありません。 There is no recording for request ID ${escape(callId)}.</p>`));
  } else if (audio) {
    if (state === 'ready') res.writeHead(200, { 'content-type': 'audio/wav', 'cache-control': 'no-store' }).end(recordingWav());
    else html(404, page('録音を準備しています / The recording is being prepared', '<p>Not yet.</p>'));
  } else if (state === 'preparing') {
    html(
      202,
      page(
        '録音を準備しています / The recording is being prepared',
        `<p>リクエストID ${escape(callId)} の録音は通話終了後しばらくすると再生できます。 The recording of request ID ${escape(callId)} can be played a few seconds after the call ends. This page reloads itself.</p>`,
        true,
      ),
    );
  } else {
    const file = `${escape(encodeURIComponent(callId))}/${AUDIO_FILE}`;
    html(
      200,
      page(
        `録音 ${callId} / Recording`,
        `<p>リクエストID / Request ID: <code>${escape(callId)}</code></p>` +
          `<audio controls preload="none" src="${file}" aria-label="Recording ${escape(callId)}"></audio>` +
          `<p><a href="${file}" download="${escape(callId)}.wav">ダウンロード / Download</a></p>`,
      ),
    );
  }
}
