/**
 * What the next call carries unchecked (`mockCti.server.nextCallQuirks`): the odd values a misbehaving
 * or newer BIZTEL server might send, so QA can try them by hand.
 */
import { useState, type SubmitEvent } from 'react';
import { useMock } from './context';
import { useSimState, type SimAct } from './sim-hooks';
import type { CallQuirks } from './sim-client';

/** Parses the extra fields box: empty is none; otherwise it must be a JSON object. */
function parseExtra(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Extra fields are not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Extra fields must be a JSON object, like {"trunk": "T1"}.');
  return value as Record<string, unknown>;
}

/** One line on what is armed: lengths, not the values (they may be 10,000 characters long). */
function describeQuirks(quirks: CallQuirks | null | undefined): string {
  if (!quirks) return 'Nothing armed: the next call is ordinary.';
  const parts: string[] = [];
  if (quirks.from !== undefined) parts.push(`caller ID (${quirks.from.length} characters)`);
  if (quirks.recordingUrl !== undefined) parts.push(`recording URL (${quirks.recordingUrl.length} characters)`);
  if (quirks.extra) parts.push(`extra fields ${Object.keys(quirks.extra).join(', ') || '(none)'}`);
  return `Armed for the next call: ${parts.join('; ')}.`;
}

export function SimQuirks({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const armed = useSimState().data?.nextCallQuirks;
  const [from, setFrom] = useState('');
  const [recordingUrl, setRecordingUrl] = useState('');
  const [extra, setExtra] = useState('');
  const arm = (event: SubmitEvent) => {
    event.preventDefault();
    void act('Arm quirks for next call', async () => {
      const quirks: CallQuirks = {};
      if (from !== '') quirks.from = from;
      if (recordingUrl !== '') quirks.recordingUrl = recordingUrl;
      const fields = parseExtra(extra);
      if (fields) quirks.extra = fields;
      if (Object.keys(quirks).length === 0) throw new Error('Fill in at least one quirk.');
      await sim.nextCallQuirks(quirks);
    });
  };
  return (
    <form onSubmit={arm} aria-label="Next call's quirks">
      <h2>Next call’s quirks</h2>
      <p className="sim__hint">
        The next call the server makes (inbound, outbound or internal) carries these exactly as typed, unchecked, as a misbehaving or newer
        BIZTEL server might send them. Empty boxes are left out. The recording URL is sent when an answered call ends.
      </p>
      <label>
        Next call: caller ID as sent (unchecked)
        <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="sip:+81355550101@pbx.example (up to 1,000 characters)" />
      </label>
      <label>
        Next call: recording URL as sent (unchecked)
        <textarea rows={2} value={recordingUrl} onChange={(e) => setRecordingUrl(e.target.value)} placeholder="rtsp://media.example/rec/1 (up to 10,000 characters)" />
      </label>
      <label>
        Next call: extra fields (JSON)
        <textarea rows={2} value={extra} onChange={(e) => setExtra(e.target.value)} placeholder='{"trunk": "T1", "tags": ["vip"]}' />
      </label>
      <button type="submit">Arm quirks for next call</button>{' '}
      <button type="button" disabled={!armed} onClick={() => void act('Disarm quirks', () => sim.nextCallQuirks({}))}>
        Disarm quirks
      </button>
      <p aria-label="Armed quirks" className="sim__hint">
        {describeQuirks(armed)}
      </p>
    </form>
  );
}
