/**
 * Scenario scripts QA can replay on the mock page: a JSON list of steps (or `{title, description,
 * steps}`), each `{"step": "<name>", …}`. Every script is checked before it runs, and each problem is
 * said with the step's number and name, so a typo is found before a call is rung.
 */
import * as z from 'zod/mini';

/** Text shown to QA: one string, or one per language of the page. */
const text = (max: number) => z.union([z.string().check(z.maxLength(max)), z.strictObject({ ja: z.string().check(z.maxLength(max)), en: z.string().check(z.maxLength(max)) })]);
export type LocalText = z.infer<ReturnType<typeof text>>;

const phone = z.string().check(z.minLength(1), z.maxLength(40));
const agent = z.string().check(z.regex(/^agent0[1-5]$/, 'an agent is agent01 … agent05'));
/** A name the scenario gives a call (`as`), to refer to it later (`call`). */
const callName = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'a call name is a letter, then up to 31 letters, digits, _ or -'));
const ms = (max: number) => z.number().check(z.int(), z.minimum(0), z.maximum(max));
/** How long an expectation waits: 10 s unless said; at most 10 minutes (QA may be doing the agent's part). */
const timeoutMs = z.optional(ms(600_000));
const callState = z.enum(['ringing', 'dialing', 'connected', 'held', 'parked', 'ended']);
const outcome = z.enum(['answer', 'busy', 'noAnswer', 'invalid']);

export const STEP_SCHEMAS = {
  /** QA reads this (what to do in the panel now); the step is done at once. */
  say: z.strictObject({ step: z.literal('say'), text: text(500) }),
  wait: z.strictObject({ step: z.literal('wait'), ms: ms(600_000) }),
  incomingCall: z.strictObject({
    step: z.literal('incomingCall'),
    from: z.nullable(phone),
    to: z.optional(phone),
    agent: z.optional(agent),
    queue: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    ringAll: z.optional(z.boolean()),
    as: z.optional(callName),
  }),
  /** Waits for a call the scenario did not make (an agent dials) and makes it "the call". */
  waitForCall: z.strictObject({
    step: z.literal('waitForCall'),
    direction: z.optional(z.enum(['inbound', 'outbound', 'internal'])),
    to: z.optional(phone),
    state: z.optional(callState),
    as: z.optional(callName),
    timeoutMs,
  }),
  expectCallState: z.strictObject({ step: z.literal('expectCallState'), call: z.optional(callName), state: callState, timeoutMs }),
  expectAgent: z.strictObject({ step: z.literal('expectAgent'), agent: z.optional(agent), signedIn: z.optional(z.boolean()), status: z.optional(z.string().check(z.minLength(1), z.maxLength(40))), timeoutMs }),
  setOutcome: z.strictObject({ step: z.literal('setOutcome'), number: phone, outcome }),
  remoteAnswer: z.strictObject({ step: z.literal('remoteAnswer'), call: z.optional(callName) }),
  remoteHangup: z.strictObject({ step: z.literal('remoteHangup'), call: z.optional(callName) }),
  restart: z.strictObject({ step: z.literal('restart') }),
  setVersion: z.strictObject({ step: z.literal('setVersion'), version: z.string().check(z.regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'a version is like 3.9.0')) }),
  setSystemSettings: z.strictObject({
    step: z.literal('setSystemSettings'),
    settings: z.strictObject({
      clickToCallDisabled: z.optional(z.boolean()),
      clickToCallImmediate: z.optional(z.boolean()),
      inboundPopup: z.optional(z.enum(['never', 'ring', 'answer'])),
      outboundPopup: z.optional(z.enum(['never', 'dial', 'answer'])),
      anonymousPopup: z.optional(z.boolean()),
    }),
  }),
  setDesktopSoftphone: z.strictObject({ step: z.literal('setDesktopSoftphone'), agent, running: z.boolean() }),
  setAfterCallWork: z.strictObject({ step: z.literal('setAfterCallWork'), enabled: z.boolean() }),
  dropConnections: z.strictObject({ step: z.literal('dropConnections'), ms: ms(600_000) }),
} as const;

export type StepName = keyof typeof STEP_SCHEMAS;
export type Step = { [K in StepName]: z.infer<(typeof STEP_SCHEMAS)[K]> }[StepName];
export type StepOf<K extends StepName> = z.infer<(typeof STEP_SCHEMAS)[K]>;
export const STEP_NAMES = Object.keys(STEP_SCHEMAS) as StepName[];

export interface Scenario {
  title: LocalText;
  description?: LocalText;
  steps: Step[];
}

/** At most this many steps: a script is a test case, not a load test. */
export const MAX_STEPS = 200;

const envelope = z.strictObject({
  title: z.optional(text(100)),
  description: z.optional(text(1000)),
  steps: z.array(z.unknown()).check(z.minLength(1, 'a scenario needs at least one step'), z.maxLength(MAX_STEPS, `a scenario has at most ${MAX_STEPS} steps`)),
});

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const where = (path: readonly PropertyKey[]) => (path.length > 0 ? `${path.map(String).join('.')}: ` : '');

/** Whether the value at `path` in `raw` is absent (zod does not keep the input it refused). */
function isMissing(raw: unknown, path: readonly PropertyKey[]): boolean {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !(key in value)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

/**
 * An issue in words. zod/mini carries no message texts of its own (they would be bundled with every
 * schema), so the common ones are said here; our own checks bring their message.
 */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const at = where(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${at}unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return `${at}expected ${issue.expected}${isMissing(raw, issue.path) ? ' (missing)' : ''}`;
    case 'invalid_value':
      return `${at}must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'invalid_union':
      return `${at}expected a text, or {"ja": …, "en": …}`;
    case 'too_small':
    case 'too_big':
      if (issue.message && issue.message !== 'Invalid input') return `${at}${issue.message}`;
      return `${at}must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    default:
      return `${at}${issue.message}`;
  }
}

/** Checks a script (already JSON-parsed); every problem is listed, each on its own line. */
export function parseScenario(input: unknown): ParsedScenario {
  const wrapped = Array.isArray(input) ? { steps: input } : input;
  if (typeof wrapped !== 'object' || wrapped === null) {
    return { ok: false, errors: ['A scenario is a JSON list of steps, or {"title": …, "steps": [ … ]}.'] };
  }
  const top = envelope.safeParse(wrapped);
  if (!top.success) return { ok: false, errors: top.error.issues.map((issue) => describeIssue(issue, wrapped)) };

  const errors: string[] = [];
  const steps: Step[] = [];
  const named = new Set<string>();
  let anyCall = false;
  top.data.steps.forEach((raw, i) => {
    const number = `Step ${i + 1}`;
    const name = typeof raw === 'object' && raw !== null ? (raw as { step?: unknown }).step : undefined;
    if (typeof name !== 'string') {
      errors.push(`${number}: each step is an object with "step", one of ${STEP_NAMES.join(', ')}.`);
      return;
    }
    if (!(STEP_NAMES as string[]).includes(name)) {
      errors.push(`${number}: unknown step "${name}"; the steps are ${STEP_NAMES.join(', ')}.`);
      return;
    }
    const parsed = (STEP_SCHEMAS[name as StepName] as z.ZodMiniType<Step>).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${number} (${name}): ${describeIssue(issue, raw)}`);
      return;
    }
    const step = parsed.data;
    // A step that acts on a call needs one the scenario has by then.
    if ('call' in step && step.call !== undefined && !named.has(step.call)) {
      errors.push(`${number} (${name}): no call is named "${step.call}" before this step (name one with "as" on incomingCall or waitForCall).`);
    } else if ((step.step === 'remoteAnswer' || step.step === 'remoteHangup' || step.step === 'expectCallState') && step.call === undefined && !anyCall) {
      errors.push(`${number} (${name}): there is no call yet: start one with incomingCall or find one with waitForCall first.`);
    }
    if (step.step === 'incomingCall' && step.agent && step.queue) errors.push(`${number} (${name}): ring an agent or a queue, not both.`);
    if (step.step === 'incomingCall' && step.ringAll && !step.queue) errors.push(`${number} (${name}): ringAll needs a queue.`);
    if (step.step === 'expectAgent' && step.signedIn === undefined && step.status === undefined) errors.push(`${number} (${name}): say what to expect: signedIn, status or both.`);
    if (step.step === 'incomingCall' || step.step === 'waitForCall') {
      anyCall = true;
      if (step.as) named.add(step.as);
    }
    steps.push(step);
  });
  if (errors.length > 0) return { ok: false, errors };
  const scenario: Scenario = { title: top.data.title ?? 'Scenario', steps };
  if (top.data.description !== undefined) scenario.description = top.data.description;
  return { ok: true, scenario };
}

/** Checks a script given as JSON text. */
export function parseScenarioText(json: string): ParsedScenario {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`The scenario is not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseScenario(value);
}

export function localText(value: LocalText, lang: 'ja' | 'en'): string {
  return typeof value === 'string' ? value : value[lang];
}
