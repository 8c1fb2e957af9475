/**
 * The sandbox name in a Salesforce host name, for the manual's start-up troubleshooting note: a sandbox whose name starts
 * with "c" (e.g. "callcenter") hits a known Salesforce issue that breaks the server URL.
 * Enhanced domains: <mydomain>--<sandbox>.sandbox.lightning.force.com, <mydomain>--<sandbox>--<ns>.sandbox.vf.force.com;
 * older: <mydomain>--<sandbox>.lightning.force.com / .my.salesforce.com, <mydomain>--<sandbox>--<ns>.visualforce.com.
 * A production Visualforce host <mydomain>--<ns>.vf.force.com has a namespace there, not a sandbox.
 */
export function sandboxName(hostname: string): string | null {
  const host = hostname.toLowerCase();
  const first = host.split('.')[0] ?? '';
  const parts = first.split('--');
  if (parts.length < 2) return null;
  const isVisualforce = /(\.vf\.force\.com|\.visualforce\.com|\.visual\.force\.com)$/.test(host);
  if (host.includes('.sandbox.')) return parts[1] ?? null;
  if (isVisualforce) return parts.length >= 3 ? (parts[1] ?? null) : null;
  if (/(\.lightning\.force\.com|\.my\.salesforce\.com|\.my\.site\.com)$/.test(host)) return parts[1] ?? null;
  return null;
}

/** The sandbox name when it starts with "c", from any of the page's Salesforce host names. */
export function riskySandbox(hostnames: readonly (string | null | undefined)[]): string | null {
  for (const hostname of hostnames) {
    const name = hostname ? sandboxName(hostname) : null;
    if (name?.startsWith('c')) return name;
  }
  return null;
}
