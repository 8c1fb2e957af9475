/** Drives the simulated BIZTEL server: callers, called parties, the server and its admin's settings. */
import { useState, type SubmitEvent } from 'react';
import { useMock, useSimState, useStream } from './context';
import { useText } from './i18n';
import { USERS } from './params';
import { useSimAction, type SimAct } from './sim-hooks';
import type { Outcome } from './sim-client';
import { SimAgents } from './SimAgents';
import { SimQuirks } from './SimQuirks';
import { SimServer } from './SimServer';
import { Button, Card, Checkbox, Select, TextInput } from './slds';

export function SimulatorPanel() {
  const { sim } = useMock();
  const text = useText();
  const t = text.sim;
  const live = useStream((s) => s.live);
  const { act, error, done } = useSimAction();
  return (
    <div className="sim">
      {error && (
        <p role="alert" className="slds-text-color_error">
          {error}
        </p>
      )}
      <p role="status" aria-label={t.status} className="sim__done">
        {done ? t.done(done) : ''}
      </p>
      <IncomingCallForm act={act} />
      <SimQuirks act={act} />
      <SimCalls act={act} />
      <OutcomeForm act={act} />
      <SimServer act={act} />
      <SimAgents act={act} />
      <p className="sim__meta">
        {t.simulatorAt(sim.baseUrl)} <span className={live ? 'sim__live' : 'sim__offline'}>● {live ? text.biztel.live : text.biztel.offline}</span>
      </p>
    </div>
  );
}

function IncomingCallForm({ act }: { act: SimAct }) {
  const { sim, host } = useMock();
  const t = useText().sim.incoming;
  const agents = useSimState()?.agents ?? [];
  const [from, setFrom] = useState('03-5555-0101');
  const [to, setTo] = useState('03-1234-5678');
  const [anonymous, setAnonymous] = useState(false);
  const [target, setTarget] = useState(host.params.user);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const caller = anonymous ? null : from;
    const input =
      target === 'queue' ? { from: caller, to, queue: 'support' } : target === 'queueAll' ? { from: caller, to, queue: 'support', ringAll: true } : { from: caller, to, agent: target };
    void act(t.placed(caller ?? t.anonymous), () => sim.incomingCall(input));
  };
  return (
    <Card as="form" onSubmit={submit} label={t.form} title={t.form}>
      <TextInput label={t.callerNumber} value={from} onChange={(e) => setFrom(e.target.value)} disabled={anonymous} />
      <Checkbox label={t.anonymous} checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
      <TextInput label={t.dialled} value={to} onChange={(e) => setTo(e.target.value)} />
      <Select label={t.ring} value={target} onChange={(e) => setTarget(e.target.value)}>
        {USERS.map((loginId) => {
          const agent = agents.find((a) => a.loginId === loginId);
          return (
            <option key={loginId} value={loginId}>
              {loginId} {agent ? `(${agent.signedIn ? agent.statusId : t.signedOut})` : ''}
            </option>
          );
        })}
        <option value="queue">{t.queue}</option>
        <option value="queueAll">{t.queueAll}</option>
      </Select>
      <Button type="submit" variant="brand" icon="call">
        {t.place}
      </Button>
    </Card>
  );
}

/** A caller ID as a quirky call may carry it (up to 1,000 characters), cut for the table. */
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text);

/** Every call of the simulator, with what the outside party can do to it; it follows the simulator's pushes. */
function SimCalls({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const text = useText();
  const t = text.sim.calls;
  const calls = useSimState()?.calls ?? [];
  return (
    <Card label={t.heading} title={t.heading}>
      {calls.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="slds-table slds-table_bordered slds-table_cell-buffer host__table" aria-label={t.heading}>
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col">{t.call}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {calls
              .slice(-20)
              .reverse()
              .map((c) => (
                <tr key={c.callId} data-call-id={c.callId} data-state={c.state}>
                  <td className="slds-cell-wrap">
                    <code>{c.callId}</code>
                    <br />
                    {c.direction} · {shorten(c.from ?? text.sim.incoming.anonymous)} → {c.to} · {c.agent ?? '-'}
                  </td>
                  <td>
                    <span className={`slds-badge sim__state sim__state--${c.state}`}>{t.states[c.state]}</span>
                  </td>
                  <td className="sim__call-actions">
                    {c.state === 'dialing' && c.direction === 'outbound' && (
                      <Button onClick={() => void act(t.answered(c.callId), () => sim.remoteAnswer(c.callId))}>{t.answer}</Button>
                    )}
                    {c.state !== 'ended' && (
                      <Button variant="destructive" onClick={() => void act(t.hungUp(c.callId), () => sim.remoteHangup(c.callId))}>
                        {t.hangup}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

const OUTCOMES: Outcome[] = ['answer', 'busy', 'noAnswer', 'invalid'];

/** How numbers that agents dial or transfer to behave. */
function OutcomeForm({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const t = useText().sim.outcome;
  const [number, setNumber] = useState('090-1234-5678');
  const [outcome, setOutcome] = useState<Outcome>('answer');
  const [set, setSet] = useState<{ number: string; outcome: Outcome }[]>([]);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void act(t.setDone(number), () => sim.setOutcome(number, outcome)).then((ok) => {
      if (ok) setSet((list) => [...list.filter((o) => o.number !== number), { number, outcome }]);
    });
  };
  return (
    <Card as="form" onSubmit={submit} label={t.form} title={t.heading}>
      <p className="sim__hint">{t.hint}</p>
      <TextInput label={t.number} value={number} onChange={(e) => setNumber(e.target.value)} />
      <Select label={t.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t.labels[o]}
          </option>
        ))}
      </Select>
      <Button type="submit">{t.set}</Button>
      {set.length > 0 && (
        <ul aria-label={t.list} className="sim__list">
          {set.map((o) => (
            <li key={o.number}>
              {o.number}: {t.labels[o.outcome]}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
