/**
 * A follower's actions go to the leader panel, which holds the BIZTEL link; the leader serves them.
 * Both sides validate: a request or an answer of the wrong shape is refused, never acted on. The
 * password and the session token never cross: there is no sign-in request, and the recent calls come
 * back as data, fetched by the leader with its own session.
 */
import * as z from 'zod/mini';
import { linkErrorCodeSchema, type CommandResult } from '../../biztel/link';
import { TASK_LIMITS } from '../../domain/task-field-limits';
import { commandRequestSchemas, issuesText, recentCallsSchema, requestSchemaOf, responseSchemaOf, salesforceIdSchema, type CommandRequest, type CommandResponse, type RecentCall } from '../../protocol';
import { contextRecordSchema, type ContextRecord } from '../store';
import type { TabGroup } from '../tabs';
import type { CallChange, CallCommand, CommandPort } from './port';

const resultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string().check(z.maxLength(40)), message: z.string().check(z.maxLength(500)) }) }),
]);

const CALL_COMMANDS = Object.keys(commandRequestSchemas).filter((n): n is CallCommand => !['signIn', 'resume', 'signOut'].includes(n));

const opSchema = z.union([
  z.object({ op: z.literal('signOut') }),
  z.object({ op: z.literal('command'), name: z.enum(CALL_COMMANDS), request: z.unknown() }),
  z.object({
    op: z.literal('updateCall'),
    callId: z.string().check(z.maxLength(100)),
    notes: z.optional(z.string().check(z.maxLength(TASK_LIMITS.Description))),
    disposition: z.optional(z.string().check(z.maxLength(TASK_LIMITS.CallDisposition))),
    chosenRecordId: z.optional(z.nullable(salesforceIdSchema)),
  }),
  z.object({ op: z.literal('expectPlacedCall'), context: z.nullable(contextRecordSchema) }),
  z.object({ op: z.literal('checkSalesforce') }),
  z.object({ op: z.literal('recentCalls') }),
]);
type Op = z.infer<typeof opSchema>;

/** How long a follower waits for the leader to answer (the leader's own command timeout is shorter). */
const LEADER_TIMEOUT_MS = 12_000;

const offline = (message: string): CommandResult<never> => ({ ok: false, error: { code: 'OFFLINE', message } });

/** The answer's data, checked against `schema`; BAD_RESPONSE when it does not fit. */
function checked<T>(result: CommandResult<unknown>, schema: z.ZodMiniType<T>, what: string): CommandResult<T> {
  if (!result.ok) return result;
  const data = schema.safeParse(result.data);
  return data.success ? { ok: true, data: data.data } : { ok: false, error: { code: 'BAD_RESPONSE', message: `The answer to ${what} was not understood.` } };
}

export class RemotePort implements CommandPort {
  constructor(private readonly group: TabGroup) {}

  private async ask(op: Op): Promise<CommandResult<unknown>> {
    const leader = this.group.leaderId;
    if (!leader || leader === this.group.panelId) return offline('No panel holds the BIZTEL link yet.');
    let value: unknown;
    try {
      value = await this.group.request(leader, 'port', op, LEADER_TIMEOUT_MS);
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The panel holding the BIZTEL link did not answer.' } };
    }
    const parsed = resultSchema.safeParse(value);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_RESPONSE', message: 'The leader panel answered in a shape this panel does not know.' } };
    const result = parsed.data;
    if (result.ok) return result;
    // A code this panel does not know is shown as a bad answer, not trusted as one of ours.
    const code = linkErrorCodeSchema.safeParse(result.error.code);
    return { ok: false, error: { code: code.success ? code.data : 'BAD_RESPONSE', message: result.error.message } };
  }

  signOut(): Promise<CommandResult<unknown>> {
    return this.ask({ op: 'signOut' });
  }

  async command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    return checked(await this.ask({ op: 'command', name, request }), responseSchemaOf(name), name);
  }

  updateCall(callId: string, change: CallChange): void {
    void this.ask({ op: 'updateCall', callId, ...change });
  }

  expectPlacedCall(context: ContextRecord | null): void {
    void this.ask({ op: 'expectPlacedCall', context });
  }

  async checkSalesforce(): Promise<boolean> {
    const result = await this.ask({ op: 'checkSalesforce' });
    return result.ok && result.data === true;
  }

  async recentCalls(): Promise<RecentCall[]> {
    const result = checked(await this.ask({ op: 'recentCalls' }), recentCallsSchema.shape.calls, 'recentCalls');
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  }
}

/** A follower's request, checked and carried out on `target` (this panel's own port, if it leads). */
export async function answerFollower(target: CommandPort | null, args: unknown): Promise<CommandResult<unknown>> {
  if (!target) return offline('This panel no longer holds the BIZTEL link.');
  const parsed = opSchema.safeParse(args);
  if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: issuesText(parsed.error).slice(0, 300) } };
  const op = parsed.data;
  switch (op.op) {
    case 'signOut':
      return target.signOut();
    case 'command': {
      const request = requestSchemaOf(op.name).safeParse(op.request);
      if (!request.success) return { ok: false, error: { code: 'BAD_REQUEST', message: `${op.name}: ${issuesText(request.error).slice(0, 300)}` } };
      return target.command(op.name, request.data);
    }
    case 'updateCall': {
      const { callId, notes, disposition, chosenRecordId } = op;
      target.updateCall(callId, {
        ...(notes !== undefined ? { notes } : {}),
        ...(disposition !== undefined ? { disposition } : {}),
        ...(chosenRecordId !== undefined ? { chosenRecordId } : {}),
      });
      return { ok: true, data: {} };
    }
    case 'expectPlacedCall':
      target.expectPlacedCall(op.context);
      return { ok: true, data: {} };
    case 'checkSalesforce':
      return { ok: true, data: await target.checkSalesforce() };
    case 'recentCalls':
      try {
        return { ok: true, data: await target.recentCalls() };
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message.slice(0, 300) : 'failed' } };
      }
  }
}
