import { useState } from 'react';
import { readSession, writeSession } from '../app/safe-storage';
import { checkScheduledUpgrade, parseVersion, THIS_PACKAGE } from '../domain/version';
import { usePanel, useT } from './context';
import { Notice } from './parts';

const KEY = 'biztel.versionNotice';

/**
 * For the admin, never blocking: the package the manual (§11.1) pairs with this server, and whether
 * a scheduled upgrade would need another package (§11.2). Dismissed per browser tab and version.
 */
export function VersionNotice() {
  const t = useT();
  const hello = usePanel((s) => s.hello);
  const caps = usePanel((s) => s.caps);
  const [dismissed, setDismissed] = useState(() => readSession(KEY));
  if (!hello || !caps?.supported) return null;
  const lines: string[] = [];
  if (caps.manualPackage && caps.manualPackage !== THIS_PACKAGE) {
    lines.push(t('notice.package', { version: hello.serverVersion, package: caps.manualPackage }));
  }
  const scheduled = hello.scheduledUpgrade ? parseVersion(hello.scheduledUpgrade) : null;
  if (scheduled) {
    const check = checkScheduledUpgrade(caps.version, scheduled);
    if (check.packageUpgradeNeeded) {
      lines.push(t('notice.upgrade', { version: hello.scheduledUpgrade ?? '', from: check.currentPackage ?? '-', to: check.scheduledPackage ?? '-' }));
    }
  }
  const id = `${hello.serverVersion}/${hello.scheduledUpgrade ?? ''}`;
  if (lines.length === 0 || dismissed === id) return null;
  return (
    <Notice
      tone="info"
      role="note"
      dismiss={{
        label: t('notice.dismiss'),
        onClick: () => {
          writeSession(KEY, id);
          setDismissed(id);
        },
      }}
    >
      {lines.map((line) => (
        <p key={line} className="notice__line">
          {line}
        </p>
      ))}
    </Notice>
  );
}
