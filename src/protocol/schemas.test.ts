import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { commandRequestSchemas, commandResponseSchemas } from './commands';
import { makeCall } from './fixtures';
import { agentEventSchema, agentSchema, callSchema, helloSchema, sessionSchema, systemSettingsSchema } from './schemas';

describe('protocol schemas', () => {
  it('accepts a well-formed call view and strips unknown fields', () => {
    const parsed = callSchema.parse({ ...makeCall(), extra: 'dropped' });
    expect(parsed).toEqual(makeCall());
  });

  it.each([
    ['an unknown state', { state: 'flying' }],
    ['a negative timestamp', { startedAt: -1 }],
    ['a fractional revision', { rev: 1.5 }],
    ['a non-http recording link', { recordingUrl: 'javascript:alert(1)' }],
    ['an empty call id', { callId: '' }],
    ['a numeric caller', { from: 312345678 }],
    ['a bad screen-transfer record id', { screenTransfer: { recordId: 'x' } }],
    ['an unknown end reason', { endReason: 'exploded' }],
  ])('refuses %s', (_what, change) => {
    expect(callSchema.safeParse({ ...makeCall(), ...change }).success).toBe(false);
  });

  it('takes an anonymous caller as null', () => {
    expect(callSchema.parse(makeCall({ from: null })).from).toBeNull();
  });

  it('validates hello: the product, the version format, the protocol number', () => {
    const hello = { product: 'BIZTEL', protocol: 1, serverVersion: '3.9.0', scheduledUpgrade: null, serverTime: 1 };
    expect(helloSchema.safeParse(hello).success).toBe(true);
    expect(helloSchema.safeParse({ ...hello, serverVersion: '3.9' }).success).toBe(false);
    expect(helloSchema.safeParse({ ...hello, product: 'OTHER' }).success).toBe(false);
  });

  it('keeps settings a server version lacks absent, not false', () => {
    expect(systemSettingsSchema.parse({ clickToCallDisabled: false })).toEqual({ clickToCallDisabled: false });
    expect(systemSettingsSchema.safeParse({ inboundPopup: 'sometimes' }).success).toBe(false);
  });

  it('distinguishes agent events by type and refuses unknown ones', () => {
    expect(agentEventSchema.safeParse({ type: 'call', seq: 1, call: makeCall() }).success).toBe(true);
    expect(agentEventSchema.safeParse({ type: 'weather', seq: 1 }).success).toBe(false);
  });

  it('has a request and a response schema for every command', () => {
    expect(Object.keys(commandResponseSchemas).sort()).toEqual(Object.keys(commandRequestSchemas).sort());
    expect(commandRequestSchemas.dtmf.safeParse({ callId: 'a', digits: '12#*' }).success).toBe(true);
    expect(commandRequestSchemas.dtmf.safeParse({ callId: 'a', digits: '12a' }).success).toBe(false);
    expect(commandRequestSchemas.transfer.safeParse({ callId: 'a', target: '2002', mode: 'sideways' }).success).toBe(false);
  });

  it('takes an agent with or without the pending status (servers before that field still speak protocol 1)', () => {
    const agent = { loginId: 'a', name: 'n', extension: '1', statusId: 'talking', phoneRegistered: true, callerId: null };
    expect(agentSchema.parse(agent).pendingStatusId).toBeUndefined();
    expect(agentSchema.parse({ ...agent, pendingStatusId: 'break' }).pendingStatusId).toBe('break');
    expect(agentSchema.parse({ ...agent, pendingStatusId: null }).pendingStatusId).toBeNull();
    expect(agentSchema.safeParse({ ...agent, pendingStatusId: '' }).success).toBe(false);
  });

  it('requires a session token of a sensible length', () => {
    const session = { token: 'short', agent: { loginId: 'a', name: 'n', extension: '1', statusId: 's', phoneRegistered: true, callerId: null }, statuses: [], callerIds: [], settings: {}, calls: [], seq: 0 };
    expect(sessionSchema.safeParse(session).success).toBe(false);
    expect(sessionSchema.safeParse({ ...session, token: 'x'.repeat(32) }).success).toBe(true);
  });
});

describe('the recording link', () => {
  // The link was read with zod's url check (http and https only); the panel's lighter reading must
  // accept, refuse and keep exactly what that check did.
  const zodUrl = z.nullable(z.url({ protocol: /^https?$/ }));
  const ours = callSchema.shape.recordingUrl;
  it.each([
    'https://s1.u.biztel.jp:8000/monitor_link/179000001',
    'HTTP://localhost:8000/monitor_link/BZ1',
    '  https://example.com/rec?id=1  ',
    'https://exa\nmple.com/a\tb',
    'http:example.com',
    'https:/path',
    'https://',
    'ftp://example.com/rec.wav',
    'rtsp://media.example/rec/1',
    'javascript:alert(1)',
    'not a url',
    '',
    'https://例え.jp/録音',
  ])('reads %j as zod’s url check did', (link) => {
    const expected = zodUrl.safeParse(link);
    const actual = ours.safeParse(link);
    expect(actual.success).toBe(expected.success);
    if (expected.success && actual.success) expect(actual.data).toBe(expected.data);
  });
});

