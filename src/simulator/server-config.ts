/** The simulated server's version, scheduled upgrade, system settings, and how fast it answers. */
import type { AgentStatus, SystemSettings } from '../protocol';
import { capabilitiesFor, compareVersions, outboundPopupAfterUpgrade, parseVersion, type Version } from '../domain/version';
import { PbxError } from './errors';
import { SEED_SETTINGS, SEED_STATUSES, SEED_VERSION, type FullSystemSettings } from './seed';

export class ServerConfig {
  version = SEED_VERSION;
  scheduledUpgrade: string | null = null;
  settings: FullSystemSettings = { ...SEED_SETTINGS };
  /**
   * How long the server takes to run and answer each command (tests: a slow or overloaded server,
   * which clients see as late acknowledgements). 0 = at once.
   */
  answerDelayMs = 0;

  reset(): void {
    this.version = SEED_VERSION;
    this.scheduledUpgrade = null;
    this.settings = { ...SEED_SETTINGS };
    this.answerDelayMs = 0;
  }

  private parsed(): Version {
    const v = parseVersion(this.version);
    if (!v) throw new Error(`bad server version ${this.version}`);
    return v;
  }

  statuses(): AgentStatus[] {
    return [...SEED_STATUSES];
  }

  /** The settings this version has; the others are absent (not "off"). */
  visibleSettings(): SystemSettings {
    const caps = capabilitiesFor(this.parsed());
    const visible: SystemSettings = {};
    if (caps.clickToCallSettings) {
      visible.clickToCallDisabled = this.settings.clickToCallDisabled;
      visible.clickToCallImmediate = this.settings.clickToCallImmediate;
    }
    if (caps.popTimingSource === 'systemSettings') {
      visible.inboundPopup = this.settings.inboundPopup;
      visible.anonymousPopup = this.settings.anonymousPopup;
    }
    if (caps.outboundPopSetting) visible.outboundPopup = this.settings.outboundPopup;
    return visible;
  }

  setSettings(partial: SystemSettings): void {
    const next = { ...this.settings };
    for (const [key, value] of Object.entries(partial) as [keyof FullSystemSettings, unknown][]) {
      if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    this.settings = next;
  }

  /** A version change; from 3.3.x to 3.4+ the outbound pop default follows the manual's upgrade table. */
  setVersion(version: string): void {
    const next = parseVersion(version);
    if (!next) throw new PbxError('BAD_REQUEST', `${version} is not a version like 3.9.0.`);
    const previous = this.parsed();
    const was33 = previous[0] === 3 && previous[1] === 3;
    if (was33 && compareVersions(next, [3, 4, 0]) >= 0) {
      this.settings.outboundPopup = outboundPopupAfterUpgrade(this.settings.inboundPopup);
    }
    this.version = next.join('.');
  }

  setScheduledUpgrade(version: string | null): void {
    if (version !== null && !parseVersion(version)) throw new PbxError('BAD_REQUEST', `${version} is not a version like 3.9.0.`);
    this.scheduledUpgrade = version;
  }
}
