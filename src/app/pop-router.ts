/**
 * Where a screen pop happens: in the Salesforce tab the agent is using, not in every tab. Each panel
 * reports whether its tab is visible and when the agent last used it; the leader sends the pop to the
 * best one (its own host, or another panel through the tab channel, falling back to its own).
 * Searches that only link the log navigate nowhere, so the leader runs them itself.
 */
import * as z from 'zod/mini';
import type { CtiHost, SearchRequest, SearchResult } from '../salesforce/types';
import type { TabChannel } from './tabs/channel';
import type { TabRpc } from './tabs/rpc';

export interface Popper {
  search(request: SearchRequest): Promise<SearchResult>;
  popRecord(recordId: string): Promise<void>;
  /** Pops what an earlier deferred search found (its SCREEN_POP_DATA), without searching again. */
  popDeferred(result: SearchResult, request: SearchRequest): Promise<void>;
}

export interface PanelPresence {
  visible: boolean;
  activeAt: number;
  seenAt: number;
}

/** A panel not heard from for this long is gone (its tab closed without saying bye). */
const STALE_MS = 15_000;

export function bestPanel(panels: ReadonlyMap<string, PanelPresence>, now: number): string | null {
  let best: [string, PanelPresence] | null = null;
  for (const entry of panels) {
    const [, p] = entry;
    if (now - p.seenAt > STALE_MS) continue;
    if (!best || (p.visible && !best[1].visible) || (p.visible === best[1].visible && p.activeAt > best[1].activeAt)) best = entry;
  }
  return best?.[0] ?? null;
}

const searchRequestSchema = z.object({
  searchParams: z.string().check(z.maxLength(40)),
  callType: z.enum(['inbound', 'outbound', 'internal']),
  deferred: z.boolean(),
  callId: z.string().check(z.maxLength(100)),
});
/** SCREEN_POP_DATA of a Lightning deferred search: screenPop's type and params (null: the layout pops nothing). */
const deferredPopSchema = z.nullable(z.looseObject({ type: z.string().check(z.maxLength(40)), params: z.record(z.string(), z.unknown()) }));
const popArgsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('search'), request: searchRequestSchema }),
  z.object({ kind: z.literal('record'), recordId: z.string().check(z.regex(/^[a-zA-Z0-9]{15,18}$/)) }),
  z.object({ kind: z.literal('deferred'), request: searchRequestSchema, deferredPop: deferredPopSchema }),
]);

/** Every panel serves pop requests from the leader on its own Salesforce tab. */
export function servePops(rpc: TabRpc, host: CtiHost): void {
  rpc.handle('pop', async (args) => {
    const parsed = popArgsSchema.safeParse(args);
    if (!parsed.success) throw new Error('bad pop request');
    if (parsed.data.kind === 'record') {
      await host.popRecord(parsed.data.recordId);
      return null;
    }
    if (parsed.data.kind === 'deferred') {
      await host.popDeferred({ records: [], deferredPop: parsed.data.deferredPop }, parsed.data.request);
      return null;
    }
    return host.searchAndScreenPop(parsed.data.request);
  });
}

const resultSchema = z.object({
  records: z.array(z.object({ recordId: z.string(), name: z.string(), objectType: z.string() })),
  deferredPop: z.unknown(),
});

export class PopRouter implements Popper {
  readonly panels = new Map<string, PanelPresence>();

  constructor(
    private readonly selfId: string,
    private readonly host: CtiHost,
    private readonly rpc: TabRpc | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Presence of this panel and of the others (from the tab channel). */
  update(panelId: string, presence: Omit<PanelPresence, 'seenAt'> | null): void {
    if (presence === null) this.panels.delete(panelId);
    else this.panels.set(panelId, { ...presence, seenAt: this.now() });
  }

  listen(channel: TabChannel): () => void {
    return channel.on((message) => {
      if (message.type === 'presence') this.update(message.from, { visible: message.visible, activeAt: message.activeAt });
      else if (message.type === 'bye') this.update(message.from, null);
    });
  }

  private target(): string {
    return bestPanel(this.panels, this.now()) ?? this.selfId;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const target = request.deferred ? this.selfId : this.target();
    if (target === this.selfId || !this.rpc) return this.host.searchAndScreenPop(request);
    try {
      const parsed = resultSchema.safeParse(await this.rpc.request(target, 'pop', { kind: 'search', request }, 5000));
      if (parsed.success) return { records: parsed.data.records, deferredPop: parsed.data.deferredPop };
    } catch {
      /* below */
    }
    // No answer: that tab may have popped all the same (a slow reply is not a closed tab), so a second
    // pop here could show the caller twice. Only find the records, for the log; forget that tab.
    this.panels.delete(target);
    return this.host.searchAndScreenPop({ ...request, deferred: true });
  }

  async popRecord(recordId: string): Promise<void> {
    if (await this.popElsewhere({ kind: 'record', recordId })) return;
    await this.host.popRecord(recordId);
  }

  async popDeferred(result: SearchResult, request: SearchRequest): Promise<void> {
    if (await this.popElsewhere({ kind: 'deferred', request, deferredPop: result.deferredPop })) return;
    await this.host.popDeferred(result, request);
  }

  /** A navigation in the tab in use, when that is another panel's; false: do it here. */
  private async popElsewhere(args: { kind: 'record' | 'deferred' } & Record<string, unknown>): Promise<boolean> {
    const target = this.target();
    if (target === this.selfId || !this.rpc) return false;
    try {
      await this.rpc.request(target, 'pop', args, 5000);
      return true;
    } catch {
      this.panels.delete(target);
      return false;
    }
  }
}
