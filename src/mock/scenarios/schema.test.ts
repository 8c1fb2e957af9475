import { describe, expect, it } from 'vitest';
import { localText, parseScenario, parseScenarioText } from './schema';
import { SHIPPED_SCENARIOS } from './shipped';

const errors = (input: unknown) => {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.errors;
};

describe('scenario scripts', () => {
  it('takes a plain list of steps, or an object with a title', () => {
    const list = parseScenario([{ step: 'incomingCall', from: '03-5555-0101' }, { step: 'wait', ms: 2000 }, { step: 'remoteHangup' }]);
    expect(list).toMatchObject({ ok: true, scenario: { title: 'Scenario', steps: [{ step: 'incomingCall' }, { step: 'wait', ms: 2000 }, { step: 'remoteHangup' }] } });
    const titled = parseScenario({ title: { ja: '試験', en: 'Test' }, steps: [{ step: 'restart' }] });
    expect(titled.ok && localText(titled.scenario.title, 'ja')).toBe('試験');
  });

  it('says what is wrong with each step, by number and name', () => {
    expect(errors('hello')).toEqual(['A scenario is a JSON list of steps, or {"title": …, "steps": [ … ]}.']);
    expect(errors([])).toEqual(['steps: a scenario needs at least one step']);
    expect(errors(Array.from({ length: 201 }, () => ({ step: 'restart' })))).toEqual(['steps: a scenario has at most 200 steps']);
    expect(errors({ steps: [{ step: 'restart' }], colour: 'red' })).toEqual(['unknown field "colour"']);
    expect(
      errors([
        { step: 'ring', from: '1' },
        { from: '1' },
        { step: 'incomingCall', form: '03-5555-0101' },
        { step: 'wait', ms: -1 },
        { step: 'setOutcome', number: '090', outcome: 'maybe' },
        { step: 'expectAgent', agent: 'agent09', signedIn: true },
      ]),
    ).toEqual([
      expect.stringMatching(/^Step 1: unknown step "ring"; the steps are say, wait, incomingCall, /),
      expect.stringMatching(/^Step 2: each step is an object with "step"/),
      'Step 3 (incomingCall): from: expected string (missing)',
      'Step 3 (incomingCall): unknown field "form"',
      'Step 4 (wait): ms: must be at least 0',
      'Step 5 (setOutcome): outcome: must be one of "answer", "busy", "noAnswer", "invalid"',
      'Step 6 (expectAgent): agent: an agent is agent01 … agent05',
    ]);
  });

  it('refuses a step on a call the scenario does not have yet, and steps that contradict themselves', () => {
    expect(errors([{ step: 'remoteHangup' }])).toEqual(['Step 1 (remoteHangup): there is no call yet: start one with incomingCall or find one with waitForCall first.']);
    expect(errors([{ step: 'incomingCall', from: null, as: 'a' }, { step: 'expectCallState', call: 'b', state: 'ringing' }])).toEqual([
      'Step 2 (expectCallState): no call is named "b" before this step (name one with "as" on incomingCall or waitForCall).',
    ]);
    expect(errors([{ step: 'expectCallState', call: 'a', state: 'ended' }, { step: 'incomingCall', from: null, as: 'a' }])).toHaveLength(1);
    expect(errors([{ step: 'incomingCall', from: '1', agent: 'agent02', queue: 'q' }])).toEqual(['Step 1 (incomingCall): ring an agent or a queue, not both.']);
    expect(errors([{ step: 'incomingCall', from: '1', ringAll: true }])).toEqual(['Step 1 (incomingCall): ringAll needs a queue.']);
    expect(errors([{ step: 'expectAgent' }])).toEqual(['Step 1 (expectAgent): say what to expect: signedIn, status or both.']);
  });

  it('says what a text must be', () => {
    expect(errors({ title: 5, steps: [{ step: 'say', text: 'x'.repeat(501) }] })).toEqual(['title: expected a text, or {"ja": …, "en": …}']);
    expect(errors([{ step: 'say', text: { ja: 'だけ' } }])).toEqual(['Step 1 (say): text: expected a text, or {"ja": …, "en": …}']);
  });

  it('says where JSON text is broken', () => {
    const parsed = parseScenarioText('[{"step": "restart"},]');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^The scenario is not JSON: /);
  });

  it.each(SHIPPED_SCENARIOS.map((s) => [s.id, s.script] as const))('the shipped scenario %s is valid, titled in both languages', (_id, script) => {
    const parsed = parseScenario(script);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(typeof parsed.scenario.title).toBe('object');
    for (const step of parsed.scenario.steps) if (step.step === 'say') expect(typeof step.text).toBe('object');
  });
});
