import type { DiagnosticKind, MessageKey } from '../app';
import { usePanel, useT, type Translate } from './context';
import { Notice } from './parts';

function kindLabel(t: Translate, kind: DiagnosticKind): string {
  if (kind.startsWith('socket:')) return t('diagnostics.kind.socket', { source: kind.slice('socket:'.length) });
  if (kind === 'tabs') return t('diagnostics.kind.tabs');
  return t(`diagnostics.kind.${kind.replace(':', '.')}` as MessageKey);
}

/**
 * Input the panel refused, counted by where it came from. Quiet on purpose (a note, collapsed, no
 * live region): a broken peer can send thousands of bad messages, and the agent can work on. Support
 * and QA open it to see the figures and the last reason.
 */
export function DiagnosticsNotice() {
  const t = useT();
  const diagnostics = usePanel((s) => s.local.diagnostics);
  if (diagnostics.total === 0) return null;
  const kinds = Object.entries(diagnostics.byKind) as [DiagnosticKind, number][];
  return (
    <Notice tone="info" role="note">
      <details>
        <summary>{t('diagnostics.summary', { count: diagnostics.total })}</summary>
        <p className="notice__line">{t('diagnostics.hint')}</p>
        <ul className="notice__line" aria-label={t('diagnostics.list')}>
          {kinds.map(([kind, count]) => (
            <li key={kind}>
              {kindLabel(t, kind)}: {count}
            </li>
          ))}
        </ul>
        {diagnostics.last && <p className="notice__line panel__detail">{t('diagnostics.last', { kind: kindLabel(t, diagnostics.last.kind), reason: diagnostics.last.message })}</p>}
      </details>
    </Notice>
  );
}
