/**
 * The requests between a follower and the leader (remote-port.ts: their shapes, both sides) load when
 * first needed, not with the first screen: a panel alone never needs them, and a leader only once a
 * follower asks. A panel that becomes a follower loads them at once, before the agent acts.
 */
import type { TabGroup } from '../tabs';
import type { CommandRequest } from '../../protocol';
import type { CallCommand, CommandPort } from './port';

/** The leader's port, reached through the group; `load()` fetches its code ahead of the first use. */
export function remotePort(group: TabGroup, failed: (reason: string) => void): CommandPort & { load(): void } {
  let port: Promise<CommandPort> | null = null;
  const get = () => (port ??= import('./remote-port').then(({ RemotePort }) => new RemotePort(group)));
  const lost = (error: unknown) => failed(`The requests to the leading panel could not load: ${error instanceof Error ? error.message : String(error)}`);
  return {
    load: () => void get(),
    signOut: async () => (await get()).signOut(),
    command: async <C extends CallCommand>(name: C, request: CommandRequest<C>) => (await get()).command(name, request),
    // Nothing awaits these: a part of the panel that cannot load (the package was replaced under it)
    // is said, as the panel can no longer pass on what the agent types.
    updateCall: (callId, change) => void get().then((p) => p.updateCall(callId, change), lost),
    expectPlacedCall: (context) => void get().then((p) => p.expectPlacedCall(context), lost),
    checkSalesforce: async () => (await get()).checkSalesforce(),
    recentCalls: async (signal) => (await get()).recentCalls(signal),
  };
}

/** Answers the followers' requests with the leader's port (`port()`: this panel's, when it leads). */
export function serveFollowers(group: TabGroup, port: () => CommandPort | null): void {
  group.handle('port', async (args) => {
    const { answerFollower } = await import('./remote-port');
    return answerFollower(port(), args);
  });
}
