import { createElement } from 'react';
import icons from 'virtual:slds-icons';
import type { IconName } from './icon-names';

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
