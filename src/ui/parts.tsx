/**
 * The Lightning Design System pieces the panel is built from, so each component says what it shows
 * and SLDS's markup lives in one place. Class names are written out in full: the build keeps only
 * the SLDS rules whose classes appear in src/ui.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon } from './Icon';
import type { IconName } from './icon-names';

export type Tone = 'neutral' | 'brand' | 'success' | 'destructive';

const TONES: Record<Tone, string> = {
  neutral: 'slds-button slds-button_neutral',
  brand: 'slds-button slds-button_brand',
  success: 'slds-button slds-button_success',
  destructive: 'slds-button slds-button_destructive',
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: Tone;
  icon?: IconName;
  /** Stretch to share its row with the others (call controls); a label that does not fit takes a row of its own. */
  wide?: boolean;
  /**
   * A shorter word shown instead of the label where the panel is narrow. The label stays the
   * button's accessible name (the short word is part of it), so tests and screen readers see one name.
   */
  short?: string;
}

export function Button({ tone = 'neutral', icon, wide, short, className, children, type = 'button', ...rest }: ButtonProps) {
  const named = short !== undefined && typeof children === 'string' && short !== children;
  return (
    <button
      type={type}
      className={`${TONES[tone]}${wide ? ' panel-button_wide' : ''}${className ? ` ${className}` : ''}`}
      {...(named ? { 'aria-label': children, title: children } : {})}
      {...rest}
    >
      {icon && <Icon name={icon} className="slds-button__icon slds-button__icon_left" />}
      {named ? (
        <>
          <span className="panel-button__label panel-button__label_full">{children}</span>
          <span className="panel-button__label panel-button__label_short" aria-hidden="true">
            {short}
          </span>
        </>
      ) : (
        <span className="panel-button__label">{children}</span>
      )}
    </button>
  );
}

/** A button that shows only an icon; `label` is its accessible name (and tooltip). */
export function IconButton({ icon, label, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { icon: IconName; label: string }) {
  return (
    <button type="button" className="slds-button slds-button_icon slds-button_icon-border-filled" title={label} {...rest}>
      <Icon name={icon} className="slds-button__icon" />
      <span className="slds-assistive-text">{label}</span>
    </button>
  );
}

/** A labelled form control (SLDS form element). */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="slds-form-element">
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <div className="slds-form-element__control">{children}</div>
    </div>
  );
}

export type NoticeTone = 'error' | 'warning' | 'info';

const NOTICE: Record<NoticeTone, { className: string; icon: IconName }> = {
  error: { className: 'panel-notice panel-notice_error', icon: 'error' },
  warning: { className: 'panel-notice panel-notice_warning', icon: 'warning' },
  info: { className: 'panel-notice panel-notice_info', icon: 'info' },
};

interface NoticeProps {
  tone: NoticeTone;
  children: ReactNode;
  role?: 'alert' | 'status' | 'note';
  id?: string;
  'aria-live'?: 'polite';
  /** A close button with this accessible name. */
  dismiss?: { label: string; onClick: () => void };
}

/** A message inside the panel (SLDS scoped notification): errors, warnings, notes for the admin. */
export function Notice({ tone, children, dismiss, ...rest }: NoticeProps) {
  const look = NOTICE[tone];
  return (
    <div className={`slds-scoped-notification slds-media ${look.className}`} {...rest}>
      <div className="slds-media__figure">
        <Icon name={look.icon} className="slds-icon slds-icon_x-small panel-notice__icon" />
      </div>
      <div className="slds-media__body">{children}</div>
      {dismiss && (
        <div className="slds-media__figure slds-media__figure_reverse">
          <button type="button" className="slds-button slds-button_icon panel-notice__close" title={dismiss.label} onClick={dismiss.onClick}>
            <Icon name="close" className="slds-button__icon" />
            <span className="slds-assistive-text">{dismiss.label}</span>
          </button>
        </div>
      )}
    </div>
  );
}
