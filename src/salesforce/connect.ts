/** Picks and loads the Open CTI API for the mode Salesforce passed, and wraps it in a `CtiHost`. */
import type { ReportHostDiagnostic } from './diagnostics';
import { LightningHost } from './lightning';
import { loadScript, openCtiScriptPath } from './launch';
import type { SforceWindow } from './opencti-api';
import { HostError, type CtiHost, type HostKind } from './types';

/** `report` hears of every Salesforce payload the host refused (diagnostics.ts). */
export async function connectHost(kind: HostKind, report: ReportHostDiagnostic, win: Window & SforceWindow = window): Promise<CtiHost> {
  const src = openCtiScriptPath(kind);
  // The Visualforce page may have included the script already (for the mode Salesforce passed).
  const present = kind === 'lightning' ? win.sforce?.opencti : win.sforce?.interaction;
  if (!present) {
    try {
      await loadScript(src, win.document);
    } catch {
      throw new HostError('UNAVAILABLE', `The Open CTI script ${src} could not be loaded.`);
    }
  }
  if (kind === 'lightning') {
    const api = win.sforce?.opencti;
    if (!api) throw new HostError('UNAVAILABLE', 'sforce.opencti is not available after loading Open CTI.');
    return new LightningHost(api, report);
  }
  const { ClassicHost } = await import('./classic');
  const api = win.sforce?.interaction;
  if (!api) throw new HostError('UNAVAILABLE', 'sforce.interaction is not available after loading Open CTI.');
  return new ClassicHost(api, report);
}
