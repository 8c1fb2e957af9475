import { createElement } from 'react';
import firstScreen from 'virtual:slds-icons';
import type { IconName } from './icon-names';

/** The first screen's icons; the signed-in views add theirs when their chunk loads (SignedIn.tsx). */
const icons = { ...firstScreen };
export const addIcons = (more: typeof firstScreen): void => {
  Object.assign(icons, more);
};

/**
 * An SLDS utility icon, decorative (the control around it carries the name). `className` picks the
 * SLDS sizing: `slds-button__icon` inside buttons, `slds-icon slds-icon_x-small` elsewhere.
 */
export function Icon({ name, className = 'slds-icon slds-icon_x-small slds-icon-text-default' }: { name: IconName; className?: string }) {
  const icon = icons[name];
  if (!icon) return null;
  return (
    <svg className={className} viewBox={icon.viewBox} aria-hidden="true" focusable="false">
      {icon.shapes.map((shape, i) => createElement(shape.tag, { key: i, ...shape.attrs }))}
    </svg>
  );
}
