/**
 * Salesforce enhanced domains in the host names the panel runs under. BIZTEL servers before 3.4.20
 * do not support enhanced domains (BIZTEL's manual), so the panel tells the admin when it sees them.
 *
 * The rule: a host name is an enhanced-domain one when its form exists only with enhanced domains.
 * - Visualforce (the panel's own page): `<mydomain>--c.vf.force.com`, `<mydomain>--<ns>.vf.force.com`,
 *   and their `.sandbox.` / `.develop.` / `.scratch.` … forms. Without enhanced domains Visualforce is
 *   served from `*.visualforce.com` or `*.visual.force.com`.
 * - Sandboxes and other org kinds, which enhanced domains name with a partition word:
 *   `<mydomain>--<sandbox>.sandbox.lightning.force.com`, `<mydomain>.develop.my.salesforce.com`, …
 * - Experience Cloud and Sites: `*.my.site.com`, `*.my.salesforce-sites.com`.
 * A production `<mydomain>.lightning.force.com` or `<mydomain>.my.salesforce.com` looks the same with
 * and without enhanced domains, so on its own it says nothing; in Salesforce the Visualforce host
 * beside it decides.
 */

const ENHANCED_HOSTS: readonly RegExp[] = [
  /\.vf\.force\.com$/,
  /\.(?:sandbox|develop|scratch|demo|patch|trailblaze|free)\.(?:my\.salesforce\.com|lightning\.force\.com)$/,
  /\.my\.site\.com$/,
  /\.my\.salesforce-sites\.com$/,
];

export const isEnhancedDomainHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return ENHANCED_HOSTS.some((pattern) => pattern.test(host));
};

/** The first of the page's Salesforce host names that is an enhanced-domain one, or null. */
export function enhancedDomainHost(hostnames: readonly (string | null | undefined)[]): string | null {
  for (const hostname of hostnames) if (hostname && isEnhancedDomainHost(hostname)) return hostname.toLowerCase();
  return null;
}
