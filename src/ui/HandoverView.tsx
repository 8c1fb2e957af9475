import { useId } from 'react';
import type { Handover } from '../protocol';
import { useT } from './context';

/**
 * The hand-over (申し送り) that came with the call: which agent handed it over and how, with the result,
 * record and notes they gave it. Read-only: this agent writes their own notes and result below.
 */
export function HandoverView({ handover }: { handover: Handover }) {
  const t = useT();
  const id = useId();
  const who = handover.fromAgentName ?? handover.fromAgent ?? t('handover.someone');
  const notes = handover.notes.trim();
  const result = handover.result.trim();
  const record = handover.record;
  return (
    <section className="handover" aria-labelledby={id}>
      <h2 className="handover__title" id={id}>
        {t('handover.title')}
      </h2>
      <p className="handover__from">{t(`handover.via.${handover.via ?? 'other'}`, { agent: who })}</p>
      {(result !== '' || record || notes !== '') && (
        <dl className="handover__fields">
          {result !== '' && (
            <div className="handover__row">
              <dt>{t('handover.result')}</dt>
              <dd>{result}</dd>
            </div>
          )}
          {record && (
            <div className="handover__row">
              <dt>{t('handover.record')}</dt>
              <dd>{record.name ?? record.recordId}</dd>
            </div>
          )}
          {notes !== '' && (
            <div className="handover__row handover__row_notes">
              <dt>{t('handover.notes')}</dt>
              <dd className="handover__notes">{notes}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
