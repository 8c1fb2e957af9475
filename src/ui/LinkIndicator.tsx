import { usePanel, useT } from './context';

const DETAILS = ['polling', 'timeouts', 'resync'] as const;

export function LinkIndicator() {
  const t = useT();
  const status = usePanel((s) => s.linkStatus);
  const error = usePanel((s) => s.linkError);
  const details = status === 'degraded' ? DETAILS.filter((d) => error?.includes(d)).map((d) => t(`link.detail.${d}`)) : [];
  const state = [t(`link.${status}`), ...details].join(' ');
  return (
    <span className={`link-indicator link-indicator--${status}`} title={t('link.label', { state })}>
      <span aria-hidden="true" className="link-indicator__dot" />
      <span className="visually-hidden">{t('link.label', { state })}</span>
    </span>
  );
}
