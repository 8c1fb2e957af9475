/**
 * What the next call carries unchecked (`mockCti.server.nextCallQuirks`): the odd values a misbehaving
 * or newer BIZTEL server might send, so QA can try them by hand.
 */
import { useState, type SubmitEvent } from 'react';
import { useMock, useSimState } from './context';
import { useText, type MockText } from './i18n';
import type { SimAct } from './sim-hooks';
import type { CallQuirks } from './sim-client';
import { Button, Card, TextArea, TextInput } from './slds';

/** Parses the extra fields box: empty is none; otherwise it must be a JSON object. */
function parseExtra(text: string, t: MockText['sim']['quirks']): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(t.notJson);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(t.notObject);
  return value as Record<string, unknown>;
}

/** One line on what is armed: lengths, not the values (they may be 10,000 characters long). */
export function describeQuirks(quirks: CallQuirks | null | undefined, t: MockText['sim']['quirks']): string {
  if (!quirks) return t.nothing;
  const parts: string[] = [];
  if (quirks.from !== undefined) parts.push(t.fromPart(quirks.from.length));
  if (quirks.recordingUrl !== undefined) parts.push(t.urlPart(quirks.recordingUrl.length));
  if (quirks.extra) parts.push(t.extraPart(Object.keys(quirks.extra).join(', ')));
  return t.armedFor(parts.join('; '));
}

export function SimQuirks({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const t = useText().sim.quirks;
  const armed = useSimState()?.nextCallQuirks;
  const [from, setFrom] = useState('');
  const [recordingUrl, setRecordingUrl] = useState('');
  const [extra, setExtra] = useState('');
  const arm = (event: SubmitEvent) => {
    event.preventDefault();
    void act(t.arm, async () => {
      const quirks: CallQuirks = {};
      if (from !== '') quirks.from = from;
      if (recordingUrl !== '') quirks.recordingUrl = recordingUrl;
      const fields = parseExtra(extra, t);
      if (fields) quirks.extra = fields;
      if (Object.keys(quirks).length === 0) throw new Error(t.empty);
      await sim.nextCallQuirks(quirks);
    });
  };
  return (
    <Card as="form" onSubmit={arm} label={t.form} title={t.heading}>
      <p className="sim__hint">{t.hint}</p>
      <TextInput label={t.from} value={from} onChange={(e) => setFrom(e.target.value)} placeholder="sip:+81355550101@pbx.example (≤ 1,000)" />
      <TextArea label={t.recordingUrl} rows={2} value={recordingUrl} onChange={(e) => setRecordingUrl(e.target.value)} placeholder="rtsp://media.example/rec/1 (≤ 10,000)" />
      <TextArea label={t.extra} rows={2} value={extra} onChange={(e) => setExtra(e.target.value)} placeholder='{"trunk": "T1", "tags": ["vip"]}' />
      <div className="sim__buttons">
        <Button type="submit">{t.arm}</Button>
        <Button disabled={!armed} onClick={() => void act(t.disarm, () => sim.nextCallQuirks({}))}>
          {t.disarm}
        </Button>
      </div>
      <p aria-label={t.armed} className="sim__hint">
        {describeQuirks(armed, t)}
      </p>
    </Card>
  );
}
