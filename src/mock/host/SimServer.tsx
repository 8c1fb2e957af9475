/** The BIZTEL server as its admin sees it: version, scheduled upgrade, system settings, ACW, outages, a crash. */
import { useState, type SubmitEvent } from 'react';
import { useMock, useSimState } from './context';
import { useText } from './i18n';
import { LiveCheckbox } from './LiveCheckbox';
import type { SimAct } from './sim-hooks';
import type { SystemSettings } from './sim-client';
import { Button, Card, Select, TextInput } from './slds';

const VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function SimServer({ act }: { act: SimAct }) {
  const { sim } = useMock();
  const t = useText().sim.server;
  const state = useSimState();
  const [version, setVersion] = useState('3.9.0');
  const [upgrade, setUpgrade] = useState('3.10.0');
  const [seconds, setSeconds] = useState('5');

  const restart = (event: SubmitEvent) => {
    event.preventDefault();
    void act(t.restartedOn(version), () => (VERSION.test(version) ? sim.setVersion(version) : Promise.reject(new Error(t.notVersion(version, '3.9.0')))));
  };
  const schedule = (event: SubmitEvent) => {
    event.preventDefault();
    void act(t.scheduledTo(upgrade), () => (VERSION.test(upgrade) ? sim.setScheduledUpgrade(upgrade) : Promise.reject(new Error(t.notVersion(upgrade, '3.10.0')))));
  };
  const cut = (event: SubmitEvent) => {
    event.preventDefault();
    const forMs = Math.round(Number(seconds) * 1000);
    void act(t.cutDone(seconds), () => (Number.isFinite(forMs) && forMs >= 0 && forMs <= 600_000 ? sim.dropConnections(forMs) : Promise.reject(new Error(t.cutRange))));
  };

  return (
    <Card label={t.region} title={t.region}>
      <form onSubmit={restart} aria-label={t.versionForm} className="sim__group">
        <p>
          {t.running} <strong>{state?.version ?? '…'}</strong>
        </p>
        <TextInput label={t.version} value={version} onChange={(e) => setVersion(e.target.value)} />
        <Button type="submit">{t.restartOn}</Button>
      </form>
      <form onSubmit={schedule} aria-label={t.upgradeForm} className="sim__group">
        <p>{t.scheduled(state ? (state.scheduledUpgrade ?? t.none) : '…')}</p>
        <TextInput label={t.upgradeTo} value={upgrade} onChange={(e) => setUpgrade(e.target.value)} />
        <div className="sim__buttons">
          <Button type="submit">{t.schedule}</Button>
          <Button onClick={() => void act(t.cancelUpgrade, () => sim.setScheduledUpgrade(null))}>{t.cancelUpgrade}</Button>
        </div>
      </form>
      {state && <SystemSettingsForm act={act} settings={state.settings} visible={state.visibleSettings} />}
      {state && (
        <LiveCheckbox
          key={`acw-${String(state.afterCallWork)}`}
          label={t.afterCallWork}
          value={state.afterCallWork}
          onChange={(enabled) => act(t.afterCallWorkDone(enabled), () => sim.setAfterCallWork(enabled))}
        />
      )}
      <form onSubmit={cut} aria-label={t.outageForm} className="sim__group">
        <TextInput type="number" min={0} max={600} label={t.cutFor} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        <Button type="submit">{t.cut}</Button>
        <p className="sim__hint">{t.cutHint}</p>
      </form>
      <div className="sim__group">
        <Button variant="destructive" onClick={() => void act(t.restartDone, () => sim.restart())}>
          {t.restart}
        </Button>
        <p className="sim__hint">{t.restartHint}</p>
      </div>
    </Card>
  );
}

/** The server's system settings (pop timing, anonymous pop, outbound pop); a version without a setting hides it from panels (shown here). */
function SystemSettingsForm({ act, settings, visible }: { act: SimAct; settings: SystemSettings; visible: Partial<SystemSettings> }) {
  const { sim } = useMock();
  const t = useText().sim.server;
  const apply = (change: Partial<SystemSettings>) => act(t.settingsDone(JSON.stringify(change)), () => sim.setSystemSettings(change));
  const absent = (name: keyof SystemSettings) => (name in visible ? '' : t.notInVersion);
  return (
    <fieldset aria-label={t.settings} className="slds-form-element sim__group">
      <legend className="slds-form-element__legend slds-form-element__label">{t.settingsLegend}</legend>
      <LiveCheckbox
        key={`c2c-${String(settings.clickToCallDisabled)}`}
        label={`${t.clickToCallDisabled}${absent('clickToCallDisabled')}`}
        value={settings.clickToCallDisabled}
        onChange={(v) => apply({ clickToCallDisabled: v })}
      />
      <LiveCheckbox
        key={`imm-${String(settings.clickToCallImmediate)}`}
        label={`${t.clickToCallImmediate}${absent('clickToCallImmediate')}`}
        value={settings.clickToCallImmediate}
        onChange={(v) => apply({ clickToCallImmediate: v })}
      />
      <Select
        key={`in-${settings.inboundPopup}`}
        label={`${t.inboundPop}${absent('inboundPopup')}`}
        defaultValue={settings.inboundPopup}
        onChange={(e) => void apply({ inboundPopup: e.target.value as SystemSettings['inboundPopup'] })}
      >
        <option value="never">{t.popNever}</option>
        <option value="ring">{t.popRing}</option>
        <option value="answer">{t.popAnswer}</option>
      </Select>
      <Select
        key={`out-${settings.outboundPopup}`}
        label={`${t.outboundPop}${absent('outboundPopup')}`}
        defaultValue={settings.outboundPopup}
        onChange={(e) => void apply({ outboundPopup: e.target.value as SystemSettings['outboundPopup'] })}
      >
        <option value="never">{t.popNever}</option>
        <option value="dial">{t.popDial}</option>
        <option value="answer">{t.popAnswer}</option>
      </Select>
      <LiveCheckbox
        key={`anon-${String(settings.anonymousPopup)}`}
        label={`${t.anonymousPop}${absent('anonymousPopup')}`}
        value={settings.anonymousPopup}
        onChange={(v) => apply({ anonymousPopup: v })}
      />
    </fieldset>
  );
}
