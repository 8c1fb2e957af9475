/**
 * What Salesforce handed the panel that it refused: a search record, a navigation or click-to-dial
 * payload, a call center setting, an Open CTI answer of the wrong shape. Dropped, never acted on, and
 * reported here so the app can count them and show them (issue 7: "dropped with a diagnostic").
 *
 * A page-wide channel rather than a callback per host: one panel runs per page, and both hosts
 * (Lightning and Classic) validate through `payloads.ts`, so every drop is heard whichever host runs.
 */
export type HostDiagnosticKind = 'searchRecord' | 'navigation' | 'clickToDial' | 'settings' | 'response';

export interface HostDiagnostic {
  kind: HostDiagnosticKind;
  message: string;
}

const listeners = new Set<(diagnostic: HostDiagnostic) => void>();

export function onHostDiagnostic(listener: (diagnostic: HostDiagnostic) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportHostDiagnostic(kind: HostDiagnosticKind, message: string): void {
  const diagnostic = { kind, message: message.slice(0, 300) };
  for (const listener of [...listeners]) listener(diagnostic);
}
