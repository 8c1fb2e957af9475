import { useId, useState } from 'react';
import type { Lang } from '../domain/call-log';
import { useActions, usePanel, useT } from './context';
import { Icon } from './Icon';
import { SHORTCUTS, type ShortcutAction } from './shortcuts';

const SHORTCUT_LABELS: Record<ShortcutAction, 'shortcuts.answer' | 'shortcuts.hangup' | 'shortcuts.hold' | 'shortcuts.transfer'> = {
  answer: 'shortcuts.answer',
  hangup: 'shortcuts.hangup',
  hold: 'shortcuts.hold',
  transfer: 'shortcuts.transfer',
};

/** The agent's own settings: the panel's language, and the keyboard shortcuts it knows. */
export function PanelFooter() {
  const t = useT();
  const actions = useActions();
  const override = usePanel((s) => s.local.langOverride);
  const [showKeys, setShowKeys] = useState(false);
  const langField = useId();
  const keysId = useId();
  return (
    <footer className="panel-footer">
      <div className="panel-footer__row">
        <Icon name="world" />
        <label className="slds-assistive-text" htmlFor={langField}>
          {t('lang.label')}
        </label>
        <div className="slds-select_container panel-footer__lang">
          <select
            className="slds-select"
            id={langField}
            value={override ?? 'auto'}
            onChange={(e) => void actions.setLanguage(e.target.value === 'auto' ? null : (e.target.value as Lang))}
          >
            <option value="auto">{t('lang.auto')}</option>
            <option value="ja" lang="ja">
              {t('lang.ja')}
            </option>
            <option value="en" lang="en">
              {t('lang.en')}
            </option>
          </select>
        </div>
        <button type="button" className="slds-button panel-footer__keys" aria-expanded={showKeys} aria-controls={keysId} onClick={() => setShowKeys(!showKeys)}>
          <Icon name="shortcuts" className="slds-button__icon slds-button__icon_left" />
          {t('shortcuts.title')}
        </button>
      </div>
      {showKeys && (
        <div id={keysId}>
          <dl className="shortcut-list">
            {(Object.keys(SHORTCUTS) as ShortcutAction[]).map((action) => (
              <div key={action} className="shortcut-list__row">
                <dt>
                  <kbd>{SHORTCUTS[action].keys}</kbd>
                </dt>
                <dd>{t(SHORTCUT_LABELS[action])}</dd>
              </div>
            ))}
          </dl>
          <p className="shortcut-list__hint">{t('shortcuts.hint')}</p>
        </div>
      )}
    </footer>
  );
}
