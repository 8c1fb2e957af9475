/**
 * socket.io event names and their TypeScript signatures, for `Socket<ServerToClientEvents,
 * ClientToServerEvents>` on both sides.
 */
import type { Ack, CommandName, CommandRequest, CommandResponse } from './commands';
import type { AgentEvent, Hello, SessionEnded } from './schemas';

export interface ServerToClientEvents {
  hello: (hello: Hello) => void;
  agentEvent: (event: AgentEvent) => void;
  sessionEnded: (ended: SessionEnded) => void;
}

export type ClientToServerEvents = {
  [C in CommandName]: (request: CommandRequest<C>, ack: (ack: Ack<CommandResponse<C>>) => void) => void;
};
