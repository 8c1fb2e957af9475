/** The notes and alerts above the panel's main view, signed in or not; `children` go after the alerts. */
import type { ReactNode } from 'react';
import { Alerts } from './Alerts';
import { PendingLogs } from './PendingLogs';
import { RefusedLogs } from './RefusedLogs';
import { VersionNotice } from './VersionNotice';

export function Notices({ children }: { children?: ReactNode }) {
  return (
    <>
      <VersionNotice />
      <Alerts />
      {children}
      <PendingLogs />
      <RefusedLogs />
    </>
  );
}
