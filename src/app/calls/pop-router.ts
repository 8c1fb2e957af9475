/**
 * Where a screen pop happens: in the Salesforce tab the agent is using, not in every tab. The group
 * knows each panel's presence (its tab visible, when the agent last used it); the leader sends the pop
 * to the best one (its own host, or another panel through the group, falling back to its own).
 * Searches that only link the log navigate nowhere, so the leader runs them itself.
 */
import * as z from 'zod/mini';
import { deferredPopSchema } from '../../salesforce/payloads';
import { foundRecordSchema, type CtiHost, type SearchRequest, type SearchResult } from '../../salesforce/types';
import type { TabGroup } from '../tabs';
import type { PopArgs } from './pop-serve';


export interface Popper {
  search(request: SearchRequest): Promise<SearchResult>;
  popRecord(recordId: string): Promise<void>;
  /** Pops what an earlier deferred search found (its SCREEN_POP_DATA), without searching again. */
  popDeferred(result: SearchResult, request: SearchRequest): Promise<void>;
}

const resultSchema = z.object({ records: z.array(foundRecordSchema).check(z.maxLength(200)), deferredPop: z.unknown() });

/** How long the leader waits for another tab to pop before it gives up on that tab. */
const POP_TIMEOUT_MS = 5000;

export class PopRouter implements Popper {
  constructor(
    private readonly host: CtiHost,
    /** The agent's panels, or null when this panel works alone. */
    private readonly group: TabGroup | null,
  ) {}

  /** The panel of the tab in use, or null when that is this one. */
  private elsewhere(): string | null {
    const best = this.group?.bestPanel();
    return best === undefined || best === this.group?.panelId ? null : best;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const target = request.deferred ? null : this.elsewhere();
    if (target === null || !this.group) return this.host.searchAndScreenPop(request);
    try {
      const parsed = resultSchema.safeParse(await this.group.request(target, 'pop', { kind: 'search', request } satisfies PopArgs, POP_TIMEOUT_MS));
      if (parsed.success) return { records: parsed.data.records, deferredPop: parsed.data.deferredPop };
    } catch {
      /* below */
    }
    // No answer: that tab may have popped all the same (a slow reply is not a closed tab), so a second
    // pop here could show the caller twice. Only find the records, for the log; forget that tab.
    this.group.forget(target);
    return this.host.searchAndScreenPop({ ...request, deferred: true });
  }

  async popRecord(recordId: string): Promise<void> {
    if (await this.popElsewhere({ kind: 'record', recordId })) return;
    await this.host.popRecord(recordId);
  }

  async popDeferred(result: SearchResult, request: SearchRequest): Promise<void> {
    const data = deferredPopSchema.safeParse(result.deferredPop);
    // Classic has no pop data (its host searches again); elsewhere, what the other tab can check.
    if (data.success && (await this.popElsewhere({ kind: 'deferred', request, deferredPop: data.data }))) return;
    await this.host.popDeferred(result, request);
  }

  /** A navigation in the tab in use, when that is another panel's; false: do it here. */
  private async popElsewhere(args: PopArgs): Promise<boolean> {
    const target = this.elsewhere();
    if (target === null || !this.group) return false;
    try {
      await this.group.request(target, 'pop', args, POP_TIMEOUT_MS);
      return true;
    } catch {
      this.group.forget(target);
      return false;
    }
  }
}
