/**
 * Every panel pops on its own Salesforce tab when the leader asks (pop-router.ts decides where).
 * Small, and loaded with the first screen: any panel may be asked; the router loads with the calls.
 */
import * as z from 'zod/mini';
import { salesforceIdSchema } from '../../protocol';
import { deferredPopSchema } from '../../salesforce/payloads';
import type { CtiHost } from '../../salesforce/types';
import type { TabGroup } from '../tabs';

const searchRequestSchema = z.object({
  searchParams: z.string().check(z.maxLength(40)),
  callType: z.enum(['inbound', 'outbound', 'internal']),
  deferred: z.boolean(),
  callId: z.string().check(z.maxLength(100)),
});
const popArgsSchema = z.union([
  z.object({ kind: z.literal('search'), request: searchRequestSchema }),
  z.object({ kind: z.literal('record'), recordId: salesforceIdSchema }),
  z.object({ kind: z.literal('deferred'), request: searchRequestSchema, deferredPop: deferredPopSchema }),
]);
export type PopArgs = z.infer<typeof popArgsSchema>;

/** Every panel serves pop requests on its own Salesforce tab, from the leader only. */
export function servePops(group: TabGroup, host: CtiHost): void {
  group.handle('pop', async (args, from) => {
    if (from !== group.leaderId) throw new Error('only the leader asks for pops');
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
