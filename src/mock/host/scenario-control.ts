/**
 * Scenarios on this page: one run at a time, from the Scenarios tab or `mockCti.scenarios`; both
 * see the same progress. A script is checked before anything happens.
 */
import { createStore } from 'zustand/vanilla';
import { runScenario, type ScenarioReport, type ScenarioTarget } from '../scenarios/runner';
import { localText, parseScenario, parseScenarioText, type ParsedScenario } from '../scenarios/schema';
import { SHIPPED_SCENARIOS } from '../scenarios/shipped';

export interface ScenarioInfo {
  id: string;
  title: string;
  description: string;
  /** The script as JSON (what `run` takes, and what the tab shows to edit). */
  script: unknown;
}

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`The scenario is not valid:\n${problems.join('\n')}`);
  }
}

export class ScenarioControl {
  readonly store = createStore<{ report: ScenarioReport | null; running: boolean }>()(() => ({ report: null, running: false }));
  private abort: AbortController | null = null;

  constructor(
    private readonly lang: 'ja' | 'en',
    private readonly target: () => Promise<ScenarioTarget>,
  ) {}

  list(): ScenarioInfo[] {
    return SHIPPED_SCENARIOS.map(({ id, script }) => {
      const parsed = parseScenario(script);
      const scenario = parsed.ok ? parsed.scenario : null;
      return {
        id,
        title: scenario ? localText(scenario.title, this.lang) : id,
        description: scenario?.description ? localText(scenario.description, this.lang) : '',
        script: structuredClone(script),
      };
    });
  }

  /** A shipped scenario's id, a script as JSON text, or a script value: checked, else ScenarioError. */
  check(input: unknown): ParsedScenario {
    if (typeof input === 'string') {
      const shipped = SHIPPED_SCENARIOS.find((s) => s.id === input);
      return shipped ? parseScenario(shipped.script) : parseScenarioText(input);
    }
    return parseScenario(input);
  }

  async run(input: unknown): Promise<ScenarioReport> {
    const parsed = this.check(input);
    if (!parsed.ok) throw new ScenarioError(parsed.errors);
    if (this.abort) throw new Error('A scenario is already running: stop it first.');
    const abort = new AbortController();
    this.abort = abort;
    this.store.setState({ running: true });
    try {
      const target = await this.target();
      return await runScenario(parsed.scenario, target, { signal: abort.signal, onProgress: (report) => this.store.setState({ report }) });
    } finally {
      this.abort = null;
      this.store.setState({ running: false });
    }
  }

  stop(): void {
    this.abort?.abort();
  }
}
