/**
 * What the agent's actions need from the BIZTEL side, whichever panel they run in: the leader answers
 * them with its link; a follower sends them to the leader (remote-port.ts). Signing in is not here: a
 * panel signs in only as the leader, so the password never leaves the panel it was typed in.
 */
import type { CommandResult } from '../../biztel/link';
import type { CommandName, CommandRequest, CommandResponse, RecentCall } from '../../protocol';
import type { ContextRecord } from '../store';

export type CallCommand = Exclude<CommandName, 'signIn' | 'resume' | 'signOut'>;

export interface CallChange {
  notes?: string;
  chosenRecordId?: string | null;
  /** The call's result as the agent types it (the Task's CallDisposition); '' = the automatic one. */
  disposition?: string;
}

export interface CommandPort {
  signOut(): Promise<CommandResult<unknown>>;
  command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>>;
  /** The agent's own additions to a call (notes, the related record); they go into its Task. */
  updateCall(callId: string, change: CallChange): void;
  /** The next call the agent places belongs to this record (click-to-call). */
  expectPlacedCall(context: ContextRecord | null): void;
  /** Asks whether the Salesforce session is back (before signing in after it expired). */
  checkSalesforce(): Promise<boolean>;
  /** The agent's recent calls as the BIZTEL server has them. */
  recentCalls(signal?: AbortSignal): Promise<RecentCall[]>;
}
