/**
 * What Salesforce handed the panel that it refused: a search record, a navigation or click-to-dial
 * payload, a call center setting, an Open CTI answer of the wrong shape. Dropped, never acted on, and
 * reported to the callback the host was made with, so the app can count them and show them.
 */
export type HostDiagnosticKind = 'searchRecord' | 'navigation' | 'clickToDial' | 'settings' | 'response';

export interface HostDiagnostic {
  kind: HostDiagnosticKind;
  message: string;
}

export type ReportHostDiagnostic = (diagnostic: HostDiagnostic) => void;
