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
