/** The BIZTEL link's public shapes, and how it reads a command's acknowledgement. */
import type { Socket } from 'socket.io-client';
import * as z from 'zod/mini';
import type { LinkStatus } from './link-machine';
import { ackEnvelopeSchema, errorCodeSchema, issuesText, responseReaderOf, responseSchemaOf, strictIssues, type AgentEvent, type CommandName, type CommandResponse, type Hello, type Session, type SessionEnded } from '../protocol';


/** The server's error codes, and the link's own: offline, no answer in time, an answer not understood. */
export const linkErrorCodeSchema = z.enum([...errorCodeSchema.options, 'OFFLINE', 'TIMEOUT', 'BAD_RESPONSE']);
export type LinkErrorCode = z.infer<typeof linkErrorCodeSchema>;
export interface LinkError {
  code: LinkErrorCode;
  message: string;
}
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: LinkError };

/** A payload the link refused: kept for diagnostics, never acted upon. */
export interface Diagnostic {
  source: string;
  message: string;
  at: number;
}

export interface LinkEvents {
  status: { status: LinkStatus; error?: string };
  hello: Hello;
  /** A full snapshot after sign-in, resume or resync. */
  session: Session;
  /** A live agent event, in sequence, at most once. */
  event: AgentEvent;
  /** `endedAt`: when a session the server forgot was lost (the link dropped then), local clock. */
  sessionEnded: SessionEnded & { endedAt?: number };
  diagnostic: Diagnostic;
}

export interface LinkOptions {
  ackTimeoutMs?: number;
  /** For tests: build the socket (e.g. to force transports). */
  socketFactory?: (url: string) => Socket;
  /** The calls the client still shows as live, named when it resumes (so none is left a ghost). */
  knownCallIds?: () => string[];
  now?: () => number;
}

/**
 * A command's acknowledgement, validated: the server's answer, the server's error, or BAD_RESPONSE
 * with the reason (`refused`) when it is not of the protocol's shape.
 */
export function readAck<C extends CommandName>(name: C, raw: unknown): { result: CommandResult<CommandResponse<C>>; refused: string | null } {
  const badResponse = (reason: string) => ({
    result: { ok: false as const, error: { code: 'BAD_RESPONSE' as const, message: `The server's answer to ${name} was not understood.` } },
    refused: reason,
  });
  const envelope = ackEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return badResponse(issuesText(envelope.error));
  if (!envelope.data.ok) return { result: { ok: false, error: envelope.data.error }, refused: null };
  // Read tolerantly: a call or a session the contract would refuse costs its odd fields, not the answer.
  const data = responseReaderOf(name).safeParse(envelope.data.data);
  if (!data.success) return badResponse(issuesText(data.error));
  const issues = strictIssues(responseSchemaOf(name), envelope.data.data);
  return { result: { ok: true, data: data.data }, refused: issues ? `kept, with fields cut or dropped: ${issues}` : null };
}
