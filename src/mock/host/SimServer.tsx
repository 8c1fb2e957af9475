/** The BIZTEL server as its admin sees it: version, scheduled upgrade, §10 system settings, ACW, outages, a crash. */
import { useState, type SubmitEvent } from 'react';
import { useMock } from './context';
import { LiveCheckbox } from './LiveCheckbox';
import { useSimState, type SimAct } from './sim-hooks';
import type { SystemSettings } from './sim-client';

const VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function SimServer({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const state = useSimState().data;
  const [version, setVersion] = useState('3.9.0');
  const [upgrade, setUpgrade] = useState('3.10.0');
  const [seconds, setSeconds] = useState('5');

  const restart = (event: SubmitEvent) => {
    event.preventDefault();
    void act(`Restart on ${version}`, () => (VERSION.test(version) ? sim.setVersion(version) : Promise.reject(new Error(`${version} is not a version like 3.9.0`))));
  };
  const schedule = (event: SubmitEvent) => {
    event.preventDefault();
    void act(`Schedule upgrade to ${upgrade}`, () => (VERSION.test(upgrade) ? sim.setScheduledUpgrade(upgrade) : Promise.reject(new Error(`${upgrade} is not a version like 3.10.0`))));
  };
  const cut = (event: SubmitEvent) => {
    event.preventDefault();
    const forMs = Math.round(Number(seconds) * 1000);
    void act(`Cut connections for ${seconds} s`, () =>
      Number.isFinite(forMs) && forMs >= 0 && forMs <= 600_000 ? sim.dropConnections(forMs) : Promise.reject(new Error('Enter 0–600 seconds'))
    );
  };

  return (
    <section aria-label="BIZTEL server">
      <h2>BIZTEL server</h2>
      <form onSubmit={restart} aria-label="Server version">
        <p>
          Running <strong>{state?.version ?? '…'}</strong>
        </p>
        <label>
          Server version
          <input value={version} onChange={(e) => setVersion(e.target.value)} />
        </label>
        <button type="submit">Restart on this version</button>
      </form>
      <form onSubmit={schedule} aria-label="Scheduled upgrade">
        <p>Scheduled upgrade: {state ? (state.scheduledUpgrade ?? 'none') : '…'}</p>
        <label>
          Upgrade to version
          <input value={upgrade} onChange={(e) => setUpgrade(e.target.value)} />
        </label>
        <button type="submit">Schedule upgrade</button>{' '}
        <button type="button" onClick={() => void act('Cancel scheduled upgrade', () => sim.setScheduledUpgrade(null))}>
          Cancel scheduled upgrade
        </button>
      </form>
      {state && <SystemSettingsForm act={act} settings={state.settings} visible={state.visibleSettings} />}
      {state && (
        <LiveCheckbox
          key={`acw-${String(state.afterCallWork)}`}
          label="After-call work (後作業) after each call"
          value={state.afterCallWork}
          onChange={(enabled) => act(`After-call work ${enabled ? 'on' : 'off'}`, () => sim.setAfterCallWork(enabled))}
        />
      )}
      <form onSubmit={cut} aria-label="Connection outage">
        <label>
          Cut for (seconds)
          <input type="number" min={0} max={600} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        </label>
        <button type="submit">Cut connections</button>
        <p className="sim__hint">Every socket drops; new ones are refused for this long. Panels reconnect by themselves.</p>
      </form>
      <div>
        <button type="button" onClick={() => void act('Restart server', () => sim.restart())}>
          Restart server (forget everything)
        </button>
        <p className="sim__hint">
          A crash and restart on the same version (サーバ再起動): every socket drops, every session is lost and every live call ends at
          once, as failed. Panels reconnect and find their session gone; agents sign in again. Agents, version and settings stay;
          ended calls stay in the list.
        </p>
      </div>
    </section>
  );
}

/** The manual's §10 settings; a version without a setting hides it from panels (shown here). */
function SystemSettingsForm({ act, settings, visible }: { act: SimAct; settings: SystemSettings; visible: Partial<SystemSettings> }) {
  const { sim } = useMock();
  const apply = (change: Partial<SystemSettings>) => act(`System settings ${JSON.stringify(change)}`, () => sim.setSystemSettings(change));
  const absent = (name: keyof SystemSettings) => (name in visible ? '' : ' (not in this server version)');
  return (
    <fieldset aria-label="System settings">
      <legend>System settings (§10)</legend>
      <LiveCheckbox
        key={`c2c-${String(settings.clickToCallDisabled)}`}
        label={`Click-to-call disabled${absent('clickToCallDisabled')}`}
        value={settings.clickToCallDisabled}
        onChange={(v) => apply({ clickToCallDisabled: v })}
      />
      <LiveCheckbox
        key={`imm-${String(settings.clickToCallImmediate)}`}
        label={`Click-to-call immediate dial${absent('clickToCallImmediate')}`}
        value={settings.clickToCallImmediate}
        onChange={(v) => apply({ clickToCallImmediate: v })}
      />
      <label>
        Inbound pop{absent('inboundPopup')}
        <select key={settings.inboundPopup} defaultValue={settings.inboundPopup} onChange={(e) => void apply({ inboundPopup: e.target.value as SystemSettings['inboundPopup'] })}>
          <option value="never">Never (常にポップアップしない)</option>
          <option value="ring">On ring (着信時)</option>
          <option value="answer">On answer (応答時)</option>
        </select>
      </label>
      <label>
        Outbound pop{absent('outboundPopup')}
        <select key={settings.outboundPopup} defaultValue={settings.outboundPopup} onChange={(e) => void apply({ outboundPopup: e.target.value as SystemSettings['outboundPopup'] })}>
          <option value="never">Never (常にポップアップしない)</option>
          <option value="dial">On dial (発信時)</option>
          <option value="answer">On answer (応答時)</option>
        </select>
      </label>
      <LiveCheckbox
        key={`anon-${String(settings.anonymousPopup)}`}
        label={`Pop anonymous callers (非通知)${absent('anonymousPopup')}`}
        value={settings.anonymousPopup}
        onChange={(v) => apply({ anonymousPopup: v })}
      />
    </fieldset>
  );
}
