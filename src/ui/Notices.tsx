/** The notes and the alert region above the panel's main view, signed in or not; `children` go after the alerts. */
import type { ReactNode } from 'react';
import { Alerts } from './Alerts';
import { PendingLogs } from './PendingLogs';
import { VersionNotice } from './VersionNotice';

export function Notices({ children }: { children?: ReactNode }) {
  return (
    <>
      <VersionNotice />
      <Alerts />
      {children}
      <PendingLogs />
    </>
  );
}
