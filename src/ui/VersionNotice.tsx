import { useState } from 'react';
import { readSession, selectCaps, writeSession } from '../app';
import { checkScheduledUpgrade, parseVersion, THIS_PACKAGE } from '../domain/version';
import { usePanel, useT } from './context';
import { Notice } from './parts';

const KEY = 'biztel.versionNotice';

/**
 * For the admin, never blocking: the package the manual pairs with this server, whether
 * a scheduled upgrade would need another package, and Salesforce enhanced domains on
 * a server that predates them. Dismissed per browser tab and version.
 */
export function VersionNotice() {
  const t = useT();
  const hello = usePanel((s) => s.shared.hello);
  const caps = usePanel(selectCaps);
  const enhancedHost = usePanel((s) => s.frame.enhancedDomainHost);
  const [dismissed, setDismissed] = useState(() => readSession(KEY));
  if (!hello || !caps?.supported) return null;
  const lines: string[] = [];
  if (caps.manualPackage && caps.manualPackage !== THIS_PACKAGE) {
    lines.push(t('notice.package', { version: hello.serverVersion, package: caps.manualPackage }));
  }
  const scheduled = hello.scheduledUpgrade ? parseVersion(hello.scheduledUpgrade) : null;
  if (scheduled) {
    const check = checkScheduledUpgrade(caps.version, scheduled);
    const params = { version: hello.scheduledUpgrade ?? '', from: check.currentPackage ?? '-', to: check.scheduledPackage ?? '-' };
    if (check.reason === 'packagesDiffer') lines.push(t('notice.upgrade', params));
    if (check.reason === 'from32') lines.push(t('notice.upgradeFrom32', params));
  }
  // The manual: enhanced domains need BIZTEL 3.4.20; the agent may still work, the admin should upgrade.
  if (enhancedHost && !caps.enhancedDomains) lines.push(t('notice.enhancedDomains', { version: hello.serverVersion, host: enhancedHost }));
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
