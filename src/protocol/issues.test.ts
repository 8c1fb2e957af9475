import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { issuesText } from './issues';

describe('a payload’s problems as text', () => {
  it('says where each problem is and what it is, one line each', () => {
    const schema = z.object({ call: z.object({ callId: z.string(), rev: z.number() }), seq: z.number() });
    const parsed = schema.safeParse({ call: { callId: 7, rev: 'x' }, seq: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    // zod/mini carries no message catalogue: its messages are plain, the paths say where.
    expect(issuesText(parsed.error).split('\n')).toEqual(['call.callId: Invalid input', 'call.rev: Invalid input']);
    expect(issuesText({ issues: [{ message: 'Invalid input', path: [] }] })).toBe('Invalid input');
  });
});

describe('a union’s problems as text', () => {
  const beat = z.object({ type: z.literal('beat'), term: z.number(), from: z.string() });
  const claim = z.object({ type: z.literal('claim'), term: z.number(), takeover: z.boolean() });
  const message = z.object({ message: z.union([beat, claim]) });

  it('are those of the shape the payload came closest to, where they are', () => {
    const parsed = message.safeParse({ message: { type: 'claim', term: 'soon', takeover: true } });
    expect(parsed.success ? null : issuesText(parsed.error)).toBe('message.term: Invalid input');
  });

  it('name the tag when it is none of the shapes', () => {
    const parsed = message.safeParse({ message: { type: 'wave' } });
    expect(parsed.success ? null : issuesText(parsed.error)).toMatch(/^message\.type: /);
  });
});
