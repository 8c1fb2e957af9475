/** The count of input this panel refused, per kind (platform/diagnostics.ts records it). */
import type { HostDiagnostic } from '../../salesforce/diagnostics';

/** `socket:<event or command>`, `salesforce:<what>`, or `tabs`. */
export type DiagnosticKind = `socket:${string}` | `salesforce:${HostDiagnostic['kind']}` | 'tabs';

export interface DiagnosticsState {
  total: number;
  byKind: Partial<Record<DiagnosticKind, number>>;
  last: { kind: DiagnosticKind; message: string; at: number } | null;
}

export const NO_DIAGNOSTICS: DiagnosticsState = { total: 0, byKind: {}, last: null };
