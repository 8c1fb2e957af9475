/**
 * Input the panel refused (invalid input is dropped with a diagnostic and the panel stays
 * consistent): socket payloads the link dropped, Salesforce payloads the host dropped, tab-channel
 * messages. Counted per kind in the store, where the panel shows them quietly (no alert: a broken
 * peer can send thousands) and tests can read them; each kind is also logged once to the console,
 * so a developer sees the first one with its reason.
 */
import type { Diagnostic } from '../../biztel/link';
import type { HostDiagnostic } from '../../salesforce/diagnostics';
import type { DiagnosticKind, DiagnosticsState, PanelStore } from '../store';

export class DiagnosticsRecorder {
  private pending = new Map<DiagnosticKind, number>();
  private last: DiagnosticsState['last'] = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly warned = new Set<DiagnosticKind>();

  constructor(
    private readonly store: PanelStore,
    private readonly options: { flushMs?: number; warn?: (message: string) => void; now?: () => number } = {},
  ) {}

  report(kind: DiagnosticKind, message: string, at = (this.options.now ?? Date.now)()): void {
    const text = message.slice(0, 300);
    if (!this.warned.has(kind)) {
      this.warned.add(kind);
      (this.options.warn ?? ((m: string) => console.warn(m)))(`BIZTEL Open CTI: ignored invalid input (${kind}): ${text} — further ones of this kind are only counted (panel: "ignored").`);
    }
    this.pending.set(kind, (this.pending.get(kind) ?? 0) + 1);
    this.last = { kind, message: text, at };
    // Coalesced: a flood of bad messages is one store update per interval, not one render each.
    this.timer ??= setTimeout(() => this.flush(), this.options.flushMs ?? 250);
  }

  fromLink(diagnostic: Diagnostic): void {
    this.report(`socket:${diagnostic.source.slice(0, 40)}`, diagnostic.message, diagnostic.at);
  }

  fromHost(diagnostic: HostDiagnostic): void {
    this.report(`salesforce:${diagnostic.kind}`, diagnostic.message);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const current = this.store.getState().local.diagnostics;
    const byKind = { ...current.byKind };
    let added = 0;
    for (const [kind, count] of this.pending) {
      byKind[kind] = (byKind[kind] ?? 0) + count;
      added += count;
    }
    this.pending = new Map();
    this.store.getState().diagnosticsCounted({ total: current.total + added, byKind, last: this.last });
  }

  stop(): void {
    this.flush();
  }
}
