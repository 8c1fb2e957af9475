/**
 * Scenario scripts QA can replay: pick a shipped one or paste / upload JSON, run it, and watch each
 * step's outcome. `mockCti.scenarios` runs the same way, and its progress shows here too.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { ScenarioError } from './scenario-control';
import { useMock } from './context';
import { useText } from './i18n';
import { Button, Card, Select, TextArea } from './slds';
import type { ScenarioReport } from '../scenarios/runner';

const MAX_FILE = 200 * 1024;
const pretty = (script: unknown) => JSON.stringify(script, null, 2);

export function ScenariosPanel() {
  const { scenarios } = useMock();
  const t = useText().scenarios;
  const shipped = scenarios.list();
  const report = useStore(scenarios.store, (s) => s.report);
  const running = useStore(scenarios.store, (s) => s.running);
  const [picked, setPicked] = useState(shipped[0]?.id ?? 'custom');
  const [script, setScript] = useState(() => pretty(shipped[0]?.script ?? []));
  const [problems, setProblems] = useState<string[]>([]);
  const description = shipped.find((s) => s.id === picked)?.description;
  const uploadId = useId();

  const pick = (id: string) => {
    setPicked(id);
    setProblems([]);
    const found = shipped.find((s) => s.id === id);
    if (found) setScript(pretty(found.script));
  };
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE) {
      setProblems([t.fileTooLarge]);
      return;
    }
    void file.text().then((text) => {
      setPicked('custom');
      setScript(text);
      const checked = scenarios.check(text);
      setProblems(checked.ok ? [] : checked.errors);
    });
  };
  const run = () => {
    setProblems([]);
    scenarios.run(script).catch((error: unknown) => setProblems(error instanceof ScenarioError ? error.problems : [error instanceof Error ? error.message : String(error)]));
  };

  return (
    <div className="sim">
      <Card label={t.region} title={t.region}>
        <Select label={t.pick} value={picked} onChange={(e) => pick(e.target.value)}>
          {shipped.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          <option value="custom">{t.custom}</option>
        </Select>
        {description && <p className="sim__hint">{description}</p>}
        <TextArea
          label={t.script}
          className="scenario__script"
          rows={12}
          spellCheck={false}
          value={script}
          onChange={(e) => {
            setPicked('custom');
            setScript(e.target.value);
          }}
        />
        <div className="slds-form-element">
          <label className="slds-form-element__label" htmlFor={uploadId}>
            {t.upload}
          </label>
          <div className="slds-form-element__control">
            <input id={uploadId} type="file" accept="application/json,.json" onChange={upload} />
          </div>
        </div>
        <div className="sim__buttons">
          <Button variant="brand" icon="play" onClick={run} disabled={running}>
            {t.run}
          </Button>
          <Button icon="stop" onClick={() => scenarios.stop()} disabled={!running}>
            {t.stop}
          </Button>
        </div>
        {problems.length > 0 && (
          <div role="alert" className="slds-text-color_error">
            <ul className="sim__list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <ScenarioProgress report={report} />
    </div>
  );
}

function ScenarioProgress({ report }: { report: ScenarioReport | null }) {
  const t = useText().scenarios;
  const status = !report
    ? t.idle
    : report.status === 'running'
      ? t.running(report.title)
      : report.status === 'passed'
        ? t.passed(report.title)
        : report.status === 'stopped'
          ? t.stopped(report.title)
          : t.failed(report.title, report.error ?? '');
  return (
    <Card label={t.steps} title={t.steps}>
      <p role="status" aria-label={t.statusName} className={`scenario__status scenario__status--${report?.status ?? 'idle'}`}>
        {status}
      </p>
      {report && (
        <ol aria-label={t.steps} className="scenario__steps">
          {report.steps.map((s) => (
            <li key={s.index} className={`scenario__step scenario__step--${s.status}`} data-status={s.status}>
              <span className={`slds-badge scenario__badge--${s.status}`}>{t.stepStates[s.status]}</span> <code>{s.step.step}</code>
              {s.message ? <span className="scenario__message"> {s.message}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
