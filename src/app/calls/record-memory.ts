/**
 * The record an agent chose for a number among several that share it, remembered in this browser per
 * agent (localStorage; memory where the browser denies the framed panel storage), so that the next
 * call with that number lists it first and links the Task to it unless the agent picks another. It
 * only ever chooses among what the number search found: what pops stays the call center's business.
 */
import * as z from 'zod/mini';
import type { Call } from '../../protocol';
import { salesforceIdSchema } from '../../protocol';
import { otherPartyNumber } from '../../domain/call';
import { searchDigits } from '../../domain/phone';
import { readLocal, writeLocal } from '../platform';

/** Numbers remembered per agent; the oldest choice goes first. */
export const MAX_REMEMBERED_NUMBERS = 200;

const memorySchema = z.array(z.tuple([z.string().check(z.minLength(1), z.maxLength(40)), salesforceIdSchema]));
type Memory = z.infer<typeof memorySchema>;

export const recordMemoryKey = (userId: string, loginId: string) => `biztel.records.${userId}.${loginId}`;

/** What a call's number is remembered under: its digits; '' (not remembered) for a withheld or unusable one. */
const numberOf = (call: Call): string => searchDigits(otherPartyNumber(call));

export class RecordMemory {
  /** `key`: the storage key of the agent signed in now, or null when nobody is. */
  constructor(private readonly key: () => string | null) {}

  private read(key: string): Memory {
    try {
      const parsed = memorySchema.safeParse(JSON.parse(readLocal(key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** The record chosen last for the number of this call, or null. */
  recall(call: Call): string | null {
    const key = this.key();
    const digits = numberOf(call);
    if (!key || digits === '') return null;
    return this.read(key).find(([number]) => number === digits)?.[1] ?? null;
  }

  /** Remembers the agent's choice for the number of this call (null forgets it); the newest choice last. */
  remember(call: Call, recordId: string | null): void {
    const key = this.key();
    const digits = numberOf(call);
    if (!key || digits === '' || digits.length > 40 || (recordId !== null && !salesforceIdSchema.safeParse(recordId).success)) return;
    const others = this.read(key).filter(([number]) => number !== digits);
    const next: Memory = recordId ? [...others, [digits, recordId]] : others;
    writeLocal(key, JSON.stringify(next.slice(-MAX_REMEMBERED_NUMBERS)));
  }
}
