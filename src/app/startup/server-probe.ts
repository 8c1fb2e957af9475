/**
 * "Cannot connect to the server" in more detail: when the socket cannot connect, ask the server's plain HTTP endpoint
 * (/api/v1/info) whether anything answers there. "It answers HTTP but the socket fails" means the
 * URL is right and a proxy, a firewall or a missing CSP entry blocks the realtime connection;
 * "nothing answers" means the URL, the server or the network; another HTTP status means the URL
 * points somewhere else. Each needs a different fix, so the panel says which.
 */
import { HttpError, fetchServerInfo } from '../../biztel/http';
import type { Hello } from '../../protocol';
import type { ServerProbe } from '../store';

export async function probeServer(serverUrl: string, fetchInfo: (url: string) => Promise<Hello> = fetchServerInfo): Promise<ServerProbe> {
  try {
    const info = await fetchInfo(serverUrl);
    return { kind: 'answered', version: info.serverVersion };
  } catch (error) {
    if (error instanceof HttpError && error.kind === 'status' && error.status !== undefined) return { kind: 'status', status: error.status };
    if (error instanceof HttpError && error.kind === 'invalid') return { kind: 'notBiztel' };
    return { kind: 'noAnswer' };
  }
}
