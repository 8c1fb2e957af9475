/**
 * Hostile contents for the browser fuzz test, in valid Open CTI envelopes so that they reach the
 * panel's own code (the Open CTI script drops anything else, as Salesforce's does): listener pushes
 * (navigation, click-to-dial), answers to callbacks the panel is waiting for, search results.
 * Near-valid on purpose: a fuzz of pure noise only tests the first check.
 */
import { randomJson, type Json } from '../protocol/fuzz.test-support';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const IDS = ['0035555000001AA', '0035555000002AA', '00Q5555000001AA', '0015555000001AA'] as const;
const BAD_IDS = ['', 'nope', '0035555000001A', '<img src=x>', '0035555000001AA!', 'x'.repeat(18)];
const NUMBERS = ['03-5555-0101', '090-1234-5678', '2002', '+81 3 5555 0101', '０３－５５５５－０１０１', 'tel:0312345678', 'abc', '1'.repeat(101), ''];

/** A field: mostly plausible, sometimes hostile. */
const field = (random: Random, plausible: () => Json): Json => (random() < 0.6 ? plausible() : randomJson(random, 2));

export function navigationPayload(random: Random): Json {
  if (random() < 0.2) return randomJson(random);
  return {
    url: field(random, () => 'https://acme.lightning.force.com/lightning/r/Contact/0035555000001AA/view'),
    recordId: field(random, () => (random() < 0.7 ? pick(random, IDS) : pick(random, BAD_IDS))),
    recordName: field(random, () => pick(random, ['山田 太郎', '<b onmouseover=alert(1)>x</b>', 'x'.repeat(2000)])),
    objectType: field(random, () => pick(random, ['Contact', 'Lead', 'Account'])),
  };
}

export function clickToDialPayload(random: Random): Json {
  if (random() < 0.2) return randomJson(random);
  return {
    number: field(random, () => (random() < 0.8 ? pick(random, NUMBERS) : pick(random, [355550101, 9012345678, 3.5, -1, 1e300]))),
    recordId: field(random, () => (random() < 0.6 ? pick(random, IDS) : random() < 0.5 ? null : pick(random, BAD_IDS))),
    recordName: field(random, () => pick(random, ['山田 太郎', null, '"><script>alert(1)</script>'])),
    objectType: field(random, () => pick(random, ['Contact', null])),
  };
}

/** An answer to a callback: the Open CTI envelope with garbage inside, or no envelope at all. */
export function callbackAnswer(random: Random, returnValue: () => Json = () => randomJson(random)): Json {
  const r = random();
  if (r < 0.35) return randomJson(random); // not an Open CTI response at all
  if (r < 0.7) return { success: true, returnValue: returnValue(), errors: null };
  return { success: false, returnValue: randomJson(random), errors: field(random, () => [{ code: pick(random, ['GENERIC_ERROR', 'INVALID_PARAM', 'nonsense']), description: randomJson(random, 3) }]) };
}

/** What searchAndScreenPop might answer: real records, broken ones, the deferred pop data, or junk. */
export function searchReturnValue(random: Random): Json {
  if (random() < 0.15) return pick(random, [null, 'garbage', 42, true, [] as Json[]]);
  const out: { [key: string]: Json } = {};
  for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) {
    const id = random() < 0.5 ? pick(random, IDS) : pick(random, BAD_IDS);
    out[id || `k${i}`] =
      random() < 0.5
        ? { Id: id, Name: field(random, () => '<img src=x onerror=alert(1)>'), RecordType: field(random, () => pick(random, ['Contact', 'Lead', ''])) }
        : randomJson(random, 2);
  }
  if (random() < 0.3) out.SCREEN_POP_DATA = randomJson(random, 2);
  return out;
}

/** Envelopes Salesforce's script drops before any panel code runs: wrong type or version, no flag. */
export function envelopeNearMiss(random: Random, staleCallId: number): Json {
  const r = random();
  if (r < 0.25) return { apiVersion: 57, apiType: randomJson(random), methodName: 'onNavigationChange', response: {}, shouldExecuteListener: true };
  if (r < 0.5) return { apiVersion: pick(random, [56, '57', null]), apiType: 'opencti', methodName: 'onClickToDial', response: { number: '0312345678' }, shouldExecuteListener: true };
  if (r < 0.75) return { apiVersion: 57, apiType: 'opencti', methodName: 'onNavigationChange', response: {} }; // no listener flag
  // A callback that already fired: the script forgot it.
  return { apiVersion: 57, apiType: 'opencti', methodName: 'searchAndScreenPop', callId: staleCallId, response: { success: true, returnValue: {} }, shouldExecuteCallback: true };
}
