import { usePanel, useT } from './context';

export function LinkIndicator() {
  const t = useT();
  const status = usePanel((s) => s.linkStatus);
  const state = t(`link.${status}`);
  return (
    <span className={`link-indicator link-indicator--${status}`} title={t('link.label', { state })}>
      <span aria-hidden="true" className="link-indicator__dot" />
      <span className="visually-hidden">{t('link.label', { state })}</span>
    </span>
  );
}
