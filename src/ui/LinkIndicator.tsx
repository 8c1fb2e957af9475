import { usePanel, useT } from './context';

const DETAILS = ['polling', 'timeouts', 'resync'] as const;

/** The BIZTEL link's state as a coloured badge with its words (never colour alone). */
export function LinkIndicator() {
  const t = useT();
  const status = usePanel((s) => s.shared.link.status);
  const error = usePanel((s) => s.shared.link.error);
  const details = status === 'degraded' ? DETAILS.filter((d) => error?.includes(d)).map((d) => t(`link.detail.${d}`)) : [];
  const state = [t(`link.${status}`), ...details].join(' ');
  return (
    <span className={`slds-badge link-indicator link-indicator_${status}`} title={t('link.label', { state })}>
      <span aria-hidden="true" className="link-indicator__dot" />
      <span className="slds-assistive-text">{t('link.label', { state })}</span>
      <span aria-hidden="true">{t(`link.${status}`)}</span>
    </span>
  );
}
