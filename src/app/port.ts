/**
 * What the agent's actions need from the BIZTEL side, whichever panel they run in: the leader
 * answers them with its link; a follower sends them to the leader.
 */
import type { CommandResult } from '../biztel/link';
import type { CommandName, CommandRequest, CommandResponse } from '../protocol';

export type CallCommand = Exclude<CommandName, 'signIn' | 'resume' | 'signOut'>;
export type ContextRecord = { recordId: string; name: string | null } | null;
export interface CallChange {
  notes?: string;
  chosenRecordId?: string | null;
  /** The call's result as the agent types it (the Task's CallDisposition); '' = the automatic one. */
  disposition?: string;
}

export interface CommandPort {
  signIn(loginId: string, password: string): Promise<CommandResult<unknown>>;
  signOut(): Promise<CommandResult<unknown>>;
  command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>>;
  /** The agent's own additions to a call (notes, the related record); they go into its Task. */
  updateCall(callId: string, change: CallChange): void;
  /** The next call the agent places belongs to this record (click-to-call). */
  expectPlacedCall(context: ContextRecord): void;
  /** Asks whether the Salesforce session is back (before signing in after it expired). */
  checkSalesforce(): Promise<boolean>;
}
