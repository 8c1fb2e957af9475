/**
 * A follower's actions go to the leader panel, which holds the BIZTEL link; the leader serves them.
 * Both sides validate: a request or an answer of the wrong shape is refused, never acted on.
 */
import * as z from 'zod/mini';
import type { CommandResult } from '../../biztel/link';
import { commandRequestSchemas, commandResponseSchemas, type CommandRequest, type CommandResponse } from '../../protocol';
import { HostError, type HostErrorCode } from '../../salesforce/types';
import type { CallChange, CallCommand, CommandPort, ContextRecord } from '../port';
import type { TabRpc } from './rpc';
import type { Typed } from './state-sync';

const resultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

const callCommands = Object.keys(commandRequestSchemas).filter((n) => !['signIn', 'resume', 'signOut'].includes(n)) as CallCommand[];

const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('signIn'), loginId: z.string().check(z.maxLength(100)), password: z.string().check(z.maxLength(200)) }),
  z.object({ op: z.literal('signOut') }),
  z.object({ op: z.literal('command'), name: z.enum(callCommands as [CallCommand, ...CallCommand[]]), request: z.unknown() }),
  z.object({
    op: z.literal('updateCall'),
    callId: z.string().check(z.maxLength(100)),
    notes: z.optional(z.string().check(z.maxLength(32_000))),
    disposition: z.optional(z.string().check(z.maxLength(255))),
    chosenRecordId: z.optional(z.nullable(z.string().check(z.regex(/^[a-zA-Z0-9]{15,18}$/)))),
  }),
  z.object({
    op: z.literal('expectPlacedCall'),
    context: z.nullable(z.object({ recordId: z.string().check(z.regex(/^[a-zA-Z0-9]{15,18}$/)), name: z.nullable(z.string().check(z.maxLength(200))) })),
  }),
  z.object({ op: z.literal('checkSalesforce') }),
  z.object({ op: z.literal('salesforceError'), code: z.string().check(z.maxLength(40)) }),
]);
type Op = z.infer<typeof opSchema>;

const offline = (message: string): CommandResult<never> => ({ ok: false, error: { code: 'OFFLINE', message } });

export class RemotePort implements CommandPort {
  constructor(
    private readonly rpc: TabRpc,
    private readonly leader: () => string | null,
    private readonly onTyped: (callId: string, typed: Typed) => void,
  ) {}

  private async ask(op: Op): Promise<CommandResult<unknown>> {
    const leader = this.leader();
    if (!leader) return offline('No panel holds the BIZTEL link yet.');
    let value: unknown;
    try {
      value = await this.rpc.request(leader, 'port', op, 12_000);
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The panel holding the BIZTEL link did not answer.' } };
    }
    const parsed = resultSchema.safeParse(value);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_RESPONSE', message: 'The leader panel answered in a shape this panel does not know.' } };
    return parsed.data as CommandResult<unknown>;
  }

  /**
   * The password crosses the tab channel once, in a request addressed to the leader (which holds the
   * link); it is never stored, and the answer does not carry the token. BroadcastChannel delivers it
   * to this user's other panels too, which drop a request not addressed to them. Kept so on purpose:
   * only same-origin code can listen, and same-origin code could just as well claim the leadership
   * and be sent the password directly, so a port to the leader alone would keep it from no one the
   * channel lets in (BroadcastChannel cannot carry a MessagePort to make one anyway).
   */
  signIn(loginId: string, password: string): Promise<CommandResult<unknown>> {
    return this.ask({ op: 'signIn', loginId, password });
  }

  signOut(): Promise<CommandResult<unknown>> {
    return this.ask({ op: 'signOut' });
  }

  async command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    const result = await this.ask({ op: 'command', name, request });
    if (!result.ok) return result;
    const data = (commandResponseSchemas[name] as z.ZodMiniType).safeParse(result.data);
    if (!data.success) return { ok: false, error: { code: 'BAD_RESPONSE', message: `The answer to ${name} was not understood.` } };
    return { ok: true, data: data.data as CommandResponse<C> };
  }

  updateCall(callId: string, change: CallChange): void {
    const typed: Typed = {
      ...(change.notes !== undefined ? { notes: change.notes } : {}),
      ...(change.disposition !== undefined ? { disposition: change.disposition } : {}),
    };
    if (Object.keys(typed).length > 0) this.onTyped(callId, typed);
    void this.ask({ op: 'updateCall', callId, ...change });
  }

  expectPlacedCall(context: ContextRecord): void {
    void this.ask({ op: 'expectPlacedCall', context });
  }

  async checkSalesforce(): Promise<boolean> {
    const result = await this.ask({ op: 'checkSalesforce' });
    return result.ok && result.data === true;
  }

  reportSalesforceError(code: string): void {
    void this.ask({ op: 'salesforceError', code });
  }
}

/** The leader's side: answers followers' requests with its own port. */
export function servePort(rpc: TabRpc, port: () => (CommandPort & { reportSalesforceError(error: unknown): void }) | null): void {
  rpc.handle('port', async (args): Promise<CommandResult<unknown>> => {
    const target = port();
    if (!target) return offline('This panel no longer holds the BIZTEL link.');
    const parsed = opSchema.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: z.prettifyError(parsed.error).slice(0, 300) } };
    const op = parsed.data;
    switch (op.op) {
      case 'signIn':
        return target.signIn(op.loginId, op.password).then((r) => (r.ok ? { ok: true, data: {} } : r)); // the token stays here
      case 'signOut':
        return target.signOut();
      case 'command': {
        const request = (commandRequestSchemas[op.name] as z.ZodMiniType).safeParse(op.request);
        if (!request.success) return { ok: false, error: { code: 'BAD_REQUEST', message: `${op.name}: ${z.prettifyError(request.error).slice(0, 300)}` } };
        return target.command(op.name, request.data as never);
      }
      case 'updateCall':
        target.updateCall(op.callId, {
          ...(op.notes !== undefined ? { notes: op.notes } : {}),
          ...(op.chosenRecordId !== undefined ? { chosenRecordId: op.chosenRecordId } : {}),
          ...(op.disposition !== undefined ? { disposition: op.disposition } : {}),
        });
        return { ok: true, data: {} };
      case 'expectPlacedCall':
        target.expectPlacedCall(op.context);
        return { ok: true, data: {} };
      case 'checkSalesforce':
        return { ok: true, data: await target.checkSalesforce() };
      case 'salesforceError':
        target.reportSalesforceError(new HostError(op.code as HostErrorCode, 'A Salesforce call failed in another tab.'));
        return { ok: true, data: {} };
    }
  });
}
