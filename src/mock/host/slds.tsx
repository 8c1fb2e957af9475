/**
 * The mock page's form controls in the Salesforce Lightning Design System's markup, so the fake
 * Salesforce looks like Salesforce. Each control has exactly one accessible name: its label.
 * Checkboxes stay native (SLDS hides the real input behind a drawn box).
 */
import { createElement, useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import icons from 'virtual:slds-mock-icons';
import type { MockIconName } from './icon-names';

/** An SLDS utility icon; decorative: the control around it carries the name. */
export function Icon({ name, className = 'slds-button__icon' }: { name: MockIconName; className?: string }) {
  const icon = icons[name];
  if (!icon) return null;
  return (
    <svg className={className} viewBox={icon.viewBox} aria-hidden="true" focusable="false">
      {icon.shapes.map((shape, i) => createElement(shape.tag, { key: i, ...shape.attrs }))}
    </svg>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'neutral' | 'brand' | 'destructive' | 'text'; icon?: MockIconName };

/** Written out whole: the build keeps only the SLDS classes it finds in the source. */
const VARIANTS = { neutral: 'slds-button slds-button_neutral', brand: 'slds-button slds-button_brand', destructive: 'slds-button slds-button_destructive', text: 'slds-button' } as const;

export function Button({ variant = 'neutral', icon, className = '', children, type = 'button', ...rest }: ButtonProps) {
  const look = VARIANTS[variant];
  return (
    <button type={type} className={`${look} ${className}`.trim()} {...rest}>
      {icon && <Icon name={icon} className="slds-button__icon slds-button__icon_left" />}
      {children}
    </button>
  );
}

/** A button with only an icon: its name is `label` (also its tooltip). */
export function IconButton({ icon, label, onClick, className = '' }: { icon: MockIconName; label: string; onClick: () => void; className?: string }) {
  return (
    <button type="button" className={`slds-button slds-button_icon slds-button_icon-border-filled ${className}`.trim()} onClick={onClick} aria-label={label} title={label}>
      <Icon name={icon} />
    </button>
  );
}

function Field({ id, label, children, className = '' }: { id: string; label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`slds-form-element ${className}`.trim()}>
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <div className="slds-form-element__control">{children}</div>
    </div>
  );
}

export function TextInput({ label, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode }) {
  const id = useId();
  return (
    <Field id={id} label={label} className={className}>
      <input id={id} className="slds-input" {...rest} />
    </Field>
  );
}

export function TextArea({ label, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode }) {
  const id = useId();
  return (
    <Field id={id} label={label} className={className}>
      <textarea id={id} className="slds-textarea" {...rest} />
    </Field>
  );
}

export function Select({ label, className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode }) {
  const id = useId();
  return (
    <Field id={id} label={label} className={className}>
      <div className="slds-select_container">
        <select id={id} className="slds-select" {...rest}>
          {children}
        </select>
      </div>
    </Field>
  );
}

export function Checkbox({ label, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode }) {
  const id = useId();
  return (
    <div className="slds-form-element mock-checkbox">
      <input id={id} type="checkbox" {...rest} />
      <label htmlFor={id} className="slds-form-element__label">
        {label}
      </label>
    </div>
  );
}

/** A titled box of the QA tools (SLDS card). */
export function Card({ label, title, children, as = 'section', onSubmit }: { label: string; title?: ReactNode; children: ReactNode; as?: 'section' | 'form'; onSubmit?: (event: React.SubmitEvent<HTMLFormElement>) => void }) {
  const body = (
    <>
      {title !== undefined && (
        <div className="slds-card__header">
          <h2 className="slds-card__header-title slds-text-heading_small">{title}</h2>
        </div>
      )}
      <div className="slds-card__body slds-card__body_inner">{children}</div>
    </>
  );
  return as === 'form' ? (
    <form className="slds-card mock-card" aria-label={label} onSubmit={onSubmit}>
      {body}
    </form>
  ) : (
    <section className="slds-card mock-card" aria-label={label}>
      {body}
    </section>
  );
}

/** One line saying what an action did, or why it failed (the right live region for each). */
export function Outcome({ result }: { result: { ok: boolean; text: string } | null }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className="slds-text-color_success mock-outcome">
      {result.text}
    </p>
  ) : (
    <p role="alert" className="slds-text-color_error mock-outcome">
      {result.text}
    </p>
  );
}
