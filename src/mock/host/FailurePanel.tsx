/** Failure injection: Open CTI calls that fail (or lose their answer), and the Salesforce session. */
import { useState, type SubmitEvent } from 'react';
import { useHost, useMock } from './context';
import type { InjectedCode } from './failures';

/** The Open CTI calls worth failing, by their Lightning names (Classic's `cti.` names match too). */
const METHODS = ['runApex', 'saveLog', 'searchAndScreenPop', 'screenPop', 'getSoftphoneLayout', 'getCallCenterSettings', 'enableClickToDial', 'disableClickToDial', 'getAppViewInfo'];

export function FailurePanel() {
  const { host } = useMock();
  const pending = useHost((s) => s.failures);
  const rates = useHost((s) => s.failureRates);
  const expired = useHost((s) => s.sessionExpired);
  const [method, setMethod] = useState('runApex');
  const [times, setTimes] = useState('1');
  const [applied, setApplied] = useState(false);
  const [code, setCode] = useState<InjectedCode>('SERVER_ERROR');
  const [rateMethod, setRateMethod] = useState('runApex');
  const [percent, setPercent] = useState('50');
  const [appliedPercent, setAppliedPercent] = useState('0');
  const [error, setError] = useState<string | null>(null);

  const guard = (work: () => void) => {
    setError(null);
    try {
      work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const failNext = (event: SubmitEvent) => {
    event.preventDefault();
    guard(() => host.failures.failNext(method, Number(times), { applied, code }));
  };
  const failRate = (event: SubmitEvent) => {
    event.preventDefault();
    guard(() => host.failures.failRate(rateMethod, Number(percent) / 100, { applied: Number(appliedPercent) / 100 }));
  };
  const methodOptions = METHODS.map((m) => (
    <option key={m} value={m}>
      {m}
    </option>
  ));

  return (
    <div className="sim">
      {error && <p role="alert">{error}</p>}
      <section aria-label="Salesforce session">
        <h2>Salesforce session (§9)</h2>
        <p role="status" aria-label="Salesforce session">
          {expired ? 'Expired: runApex, saveLog, searchAndScreenPop, screenPop and getSoftphoneLayout answer SERVER_ERROR.' : 'Active'}
        </p>
        {expired ? (
          <button type="button" onClick={() => host.restoreSession()}>
            Restore Salesforce session
          </button>
        ) : (
          <button type="button" onClick={() => host.expireSession()}>
            Expire Salesforce session
          </button>
        )}
      </section>
      <form onSubmit={failNext} aria-label="Fail the next calls">
        <h2>Fail the next calls</h2>
        <label>
          Method
          <select value={method} onChange={(e) => setMethod(e.target.value)}>
            {methodOptions}
          </select>
        </label>
        <label>
          Times
          <input type="number" min={1} max={1000} value={times} onChange={(e) => setTimes(e.target.value)} />
        </label>
        <label className="sim__inline">
          <input type="checkbox" checked={applied} onChange={(e) => setApplied(e.target.checked)} /> Applied (the work is done, the answer is lost)
        </label>
        <label>
          Answer with
          <select value={code} onChange={(e) => setCode(e.target.value as InjectedCode)}>
            <option value="SERVER_ERROR">SERVER_ERROR (Salesforce failed)</option>
            <option value="GENERIC_ERROR">GENERIC_ERROR (e.g. no access to the Apex class)</option>
            <option value="INVALID_PARAM">INVALID_PARAM</option>
          </select>
        </label>
        <button type="submit">Fail next</button>
      </form>
      <section aria-label="Pending failures">
        <h3>Pending failures</h3>
        {pending.length === 0 && rates.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul aria-label="Pending failures">
            {pending.map((f, i) => (
              <li key={`${f.methodName}-${i}`}>
                {f.methodName} {f.code} {f.applied ? '(applied, answer lost)' : ''}
              </li>
            ))}
            {rates.map((r) => (
              <li key={`rate-${r.methodName}`}>
                {r.methodName}: {Math.round(r.probability * 100)}% of calls
                {r.applied > 0 ? `, ${Math.round(r.applied * 100)}% of those applied (answer lost)` : ''}
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => host.failures.clear()}>
          Clear failures
        </button>
      </section>
      <form onSubmit={failRate} aria-label="Failure rate">
        <h2>Failure rate</h2>
        <label>
          Method for the rate
          <select value={rateMethod} onChange={(e) => setRateMethod(e.target.value)}>
            {methodOptions}
          </select>
        </label>
        <label>
          Failing calls (%)
          <input type="number" min={0} max={100} value={percent} onChange={(e) => setPercent(e.target.value)} />
        </label>
        <label>
          Of those, lost replies (%)
          <input type="number" min={0} max={100} value={appliedPercent} onChange={(e) => setAppliedPercent(e.target.value)} />
        </label>
        <button type="submit">Set failure rate</button>
      </form>
    </div>
  );
}
