/** Failure injection: Open CTI calls that fail (or lose their answer), and the Salesforce session. */
import { useState, type SubmitEvent } from 'react';
import { useHost, useMock } from './context';
import type { InjectedCode } from './failures';
import { useText } from './i18n';
import { Button, Card, Checkbox, Select, TextInput } from './slds';

/** The Open CTI calls worth failing, by their Lightning names (Classic's `cti.` names match too). */
const METHODS = ['runApex', 'saveLog', 'searchAndScreenPop', 'screenPop', 'getSoftphoneLayout', 'getCallCenterSettings', 'enableClickToDial', 'disableClickToDial', 'getAppViewInfo'];
const CODES: InjectedCode[] = ['SERVER_ERROR', 'GENERIC_ERROR', 'INVALID_PARAM'];

export function FailurePanel() {
  const { host } = useMock();
  const t = useText().failures;
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
      {error && (
        <p role="alert" className="slds-text-color_error">
          {error}
        </p>
      )}
      <Card label={t.session} title={t.sessionHeading}>
        <p role="status" aria-label={t.session}>
          {expired ? t.expiredText : t.active}
        </p>
        {expired ? <Button onClick={() => host.restoreSession()}>{t.restore}</Button> : <Button onClick={() => host.expireSession()}>{t.expire}</Button>}
      </Card>
      <Card as="form" onSubmit={failNext} label={t.nextForm} title={t.nextForm}>
        <Select label={t.method} value={method} onChange={(e) => setMethod(e.target.value)}>
          {methodOptions}
        </Select>
        <TextInput type="number" min={1} max={1000} label={t.times} value={times} onChange={(e) => setTimes(e.target.value)} />
        <Checkbox label={t.applied} checked={applied} onChange={(e) => setApplied(e.target.checked)} />
        <Select label={t.answerWith} value={code} onChange={(e) => setCode(e.target.value as InjectedCode)}>
          {CODES.map((c) => (
            <option key={c} value={c}>
              {t.codes[c]}
            </option>
          ))}
        </Select>
        <Button type="submit">{t.failNext}</Button>
      </Card>
      <Card label={t.pending} title={t.pending}>
        {pending.length === 0 && rates.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul aria-label={t.pending} className="sim__list">
            {pending.map((f, i) => (
              <li key={`${f.methodName}-${i}`}>
                {f.methodName} {f.code} {f.applied ? t.appliedNote : ''}
              </li>
            ))}
            {rates.map((r) => (
              <li key={`rate-${r.methodName}`}>{t.rateLine(r.methodName, Math.round(r.probability * 100), Math.round(r.applied * 100))}</li>
            ))}
          </ul>
        )}
        <Button onClick={() => host.failures.clear()}>{t.clear}</Button>
      </Card>
      <Card as="form" onSubmit={failRate} label={t.rateForm} title={t.rateForm}>
        <Select label={t.rateMethod} value={rateMethod} onChange={(e) => setRateMethod(e.target.value)}>
          {methodOptions}
        </Select>
        <TextInput type="number" min={0} max={100} label={t.percent} value={percent} onChange={(e) => setPercent(e.target.value)} />
        <TextInput type="number" min={0} max={100} label={t.lostPercent} value={appliedPercent} onChange={(e) => setAppliedPercent(e.target.value)} />
        <Button type="submit">{t.setRate}</Button>
      </Card>
    </div>
  );
}
