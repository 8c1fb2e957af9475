/**
 * The recent calls as a react-query query (here, with the signed-in views, so that react-query stays
 * out of the first screen's code). Keyed by agent so that another sign-in never shows the last one's.
 * `fetch` is the panel's way to them: the leader asks the server with its session, a follower asks the
 * leader (the session token stays in the panel that holds it).
 */
import { queryOptions } from '@tanstack/react-query';
import type { RecentCall } from '../protocol';

export const recentCallsKey = (serverUrl: string, agent: string) => ['biztel', serverUrl, agent, 'recentCalls'] as const;

export const recentCallsQuery = (serverUrl: string, agent: string, fetch: (signal: AbortSignal) => Promise<RecentCall[]>) =>
  queryOptions({
    queryKey: recentCallsKey(serverUrl, agent),
    queryFn: ({ signal }) => fetch(signal),
    staleTime: 30_000,
  });
