/**
 * Runs a checked scenario (`schema.ts`) against the simulator, step by step, reporting each step's
 * outcome as it goes. Expectations wait for the simulator's pushed state (no polling) up to their
 * timeout. The first failing step stops the run; the rest are marked skipped.
 */
import { localText, type Scenario, type Step, type StepOf } from './schema';

/** What a scenario needs of the simulator's view (`SimulatorState`, checked where it arrives). */
export interface ScenarioSimState {
  calls: { callId: string; state: string; direction: string; from: string | null; to: string; agent?: string | undefined }[];
  agents: { loginId: string; statusId: string; signedIn: boolean }[];
}

export interface ScenarioServer {
  incomingCall(input: { from: string | null; to?: string; agent?: string; queue?: string; ringAll?: boolean }): Promise<{ callId: string }>;
  remoteAnswer(callId: string): Promise<void>;
  remoteHangup(callId: string): Promise<void>;
  setOutcome(number: string, outcome: 'answer' | 'busy' | 'noAnswer' | 'invalid'): Promise<void>;
  restart(): Promise<void>;
  setVersion(version: string): Promise<void>;
  setSystemSettings(settings: StepOf<'setSystemSettings'>['settings']): Promise<void>;
  setDesktopSoftphone(agent: string, running: boolean): Promise<void>;
  setAfterCallWork(enabled: boolean): Promise<void>;
  dropConnections(forMs: number): Promise<void>;
}

export interface ScenarioTarget {
  /** This page's agent: whom `incomingCall` rings when the step names no agent or queue. */
  user: string;
  lang: 'ja' | 'en';
  server: ScenarioServer;
  /** The simulator's current view (also used to know which calls existed before the run). */
  current(): ScenarioSimState | null;
  /** Resolves with the first view (now or pushed later) that `test` accepts; rejects when `signal` aborts. */
  until(test: (state: ScenarioSimState) => boolean, signal: AbortSignal): Promise<ScenarioSimState>;
}

export type StepStatus = 'pending' | 'running' | 'ok' | 'failed' | 'skipped';

export interface StepReport {
  index: number;
  step: Step;
  status: StepStatus;
  /** What happened: the call id made or found, what was awaited, or why it failed. */
  message?: string;
  startedAt?: number;
  endedAt?: number;
}

export interface ScenarioReport {
  title: string;
  status: 'running' | 'passed' | 'failed' | 'stopped';
  steps: StepReport[];
  error?: string;
  startedAt: number;
  endedAt?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

class StepFailed extends Error {}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('stopped'));
    };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

const digits = (value: string) => value.replace(/\D/g, '');

export async function runScenario(
  scenario: Scenario,
  target: ScenarioTarget,
  options: { signal?: AbortSignal; onProgress?: (report: ScenarioReport) => void } = {},
): Promise<ScenarioReport> {
  const outer = options.signal ?? new AbortController().signal;
  const report: ScenarioReport = {
    title: localText(scenario.title, target.lang),
    status: 'running',
    steps: scenario.steps.map((step, index) => ({ index, step, status: 'pending' })),
    startedAt: Date.now(),
  };
  const progress = () => options.onProgress?.(structuredClone(report));
  const known = new Set((target.current()?.calls ?? []).map((c) => c.callId));
  const calls = new Map<string, string>();
  let lastCall: string | null = null;
  const callOf = (name: string | undefined): string => {
    const id = name === undefined ? lastCall : calls.get(name);
    if (!id) throw new StepFailed(name === undefined ? 'there is no call yet' : `no call is named "${name}"`);
    return id;
  };
  const remember = (id: string, name: string | undefined) => {
    known.add(id);
    lastCall = id;
    if (name) calls.set(name, id);
  };

  /** Waits until `test` accepts the simulator's view, at most `timeout` ms; `what` says what was awaited. */
  const expect = async (test: (state: ScenarioSimState) => boolean, timeout: number | undefined, what: string): Promise<ScenarioSimState> => {
    const limit = new AbortController();
    const timer = setTimeout(() => limit.abort(new StepFailed(`${what} did not happen within ${timeout ?? DEFAULT_TIMEOUT_MS} ms`)), timeout ?? DEFAULT_TIMEOUT_MS);
    const stop = () => limit.abort(new Error('stopped'));
    outer.addEventListener('abort', stop, { once: true });
    try {
      return await target.until(test, limit.signal);
    } catch (error) {
      throw limit.signal.reason instanceof Error ? limit.signal.reason : error;
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', stop);
    }
  };

  const run = async (step: Step): Promise<string> => {
    const server = target.server;
    switch (step.step) {
      case 'say':
        return localText(step.text, target.lang);
      case 'wait':
        await sleep(step.ms, outer);
        return `${step.ms} ms`;
      case 'incomingCall': {
        const input: Parameters<ScenarioServer['incomingCall']>[0] = { from: step.from };
        if (step.to !== undefined) input.to = step.to;
        if (step.queue !== undefined) {
          input.queue = step.queue;
          if (step.ringAll) input.ringAll = true;
        } else input.agent = step.agent ?? target.user;
        const { callId } = await server.incomingCall(input);
        remember(callId, step.as);
        return callId;
      }
      case 'waitForCall': {
        const match = (c: ScenarioSimState['calls'][number]) =>
          !known.has(c.callId) &&
          (step.direction === undefined || c.direction === step.direction) &&
          (step.to === undefined || digits(c.to) === digits(step.to)) &&
          (step.state === undefined || c.state === step.state);
        const state = await expect((s) => s.calls.some(match), step.timeoutMs, 'a new call');
        const found = state.calls.find(match);
        if (!found) throw new StepFailed('the call went away');
        remember(found.callId, step.as);
        return `${found.callId} (${found.direction} ${found.from ?? 'anonymous'} → ${found.to}, ${found.state})`;
      }
      case 'expectCallState': {
        const id = callOf(step.call);
        await expect((s) => s.calls.some((c) => c.callId === id && c.state === step.state), step.timeoutMs, `call ${id} ${step.state}`);
        return `${id} ${step.state}`;
      }
      case 'expectAgent': {
        const agent = step.agent ?? target.user;
        const ok = (s: ScenarioSimState) => {
          const a = s.agents.find((x) => x.loginId === agent);
          return !!a && (step.signedIn === undefined || a.signedIn === step.signedIn) && (step.status === undefined || a.statusId === step.status);
        };
        const what = [step.signedIn === undefined ? '' : step.signedIn ? 'signed in' : 'signed out', step.status ?? ''].filter(Boolean).join(', ');
        await expect(ok, step.timeoutMs, `${agent} ${what}`);
        return `${agent}: ${what}`;
      }
      case 'setOutcome':
        await server.setOutcome(step.number, step.outcome);
        return `${step.number} → ${step.outcome}`;
      case 'remoteAnswer': {
        const id = callOf(step.call);
        await server.remoteAnswer(id);
        return id;
      }
      case 'remoteHangup': {
        const id = callOf(step.call);
        await server.remoteHangup(id);
        return id;
      }
      case 'restart':
        await server.restart();
        return '';
      case 'setVersion':
        await server.setVersion(step.version);
        return step.version;
      case 'setSystemSettings':
        await server.setSystemSettings(step.settings);
        return JSON.stringify(step.settings);
      case 'setDesktopSoftphone':
        await server.setDesktopSoftphone(step.agent, step.running);
        return `${step.agent}: ${step.running ? 'running' : 'stopped'}`;
      case 'setAfterCallWork':
        await server.setAfterCallWork(step.enabled);
        return step.enabled ? 'on' : 'off';
      case 'dropConnections':
        await server.dropConnections(step.ms);
        return `${step.ms} ms`;
    }
  };

  progress();
  for (const entry of report.steps) {
    if (outer.aborted) break;
    entry.status = 'running';
    entry.startedAt = Date.now();
    progress();
    try {
      entry.message = await run(entry.step);
      entry.status = 'ok';
    } catch (error) {
      entry.status = 'failed';
      entry.message = outer.aborted ? 'stopped' : error instanceof Error ? error.message : String(error);
      report.error = `Step ${entry.index + 1} (${entry.step.step}): ${entry.message}`;
    }
    entry.endedAt = Date.now();
    if (entry.status === 'failed') break;
    progress();
  }
  for (const entry of report.steps) if (entry.status === 'pending') entry.status = 'skipped';
  report.status = outer.aborted ? 'stopped' : report.error ? 'failed' : 'passed';
  report.endedAt = Date.now();
  progress();
  return report;
}
