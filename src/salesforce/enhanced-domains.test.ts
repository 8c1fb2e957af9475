import { describe, expect, it } from 'vitest';
import { enhancedDomainHost, isEnhancedDomainHost } from './enhanced-domains';

describe('Salesforce enhanced domains in host names', () => {
  it.each([
    'acme--c.vf.force.com',
    'acme--biztel3cti.vf.force.com',
    'acme--callcenter--c.sandbox.vf.force.com',
    'acme-dev-ed--c.develop.vf.force.com',
    'acme--uat.sandbox.lightning.force.com',
    'acme--uat.sandbox.my.salesforce.com',
    'acme-dev-ed.develop.lightning.force.com',
    'acme-dev-ed.develop.my.salesforce.com',
    'fun-app-1234.scratch.my.salesforce.com',
    'acme.my.site.com',
    'acme.my.salesforce-sites.com',
    'ACME--C.VF.FORCE.COM',
  ])('%s is an enhanced-domain host', (host) => {
    expect(isEnhancedDomainHost(host)).toBe(true);
  });

  it.each([
    // Looks the same with and without enhanced domains.
    'acme.lightning.force.com',
    'acme.my.salesforce.com',
    // Without enhanced domains.
    'acme--c.visualforce.com',
    'acme--c.na123.visual.force.com',
    'c.ap15.visual.force.com',
    'acme--uat.lightning.force.com',
    'acme--uat--c.visualforce.com',
    'ap15.salesforce.com',
    'acme.force.com',
    // Not Salesforce at all.
    'localhost',
    '127.0.0.1',
    'vf.force.com.example.com',
  ])('%s is not', (host) => {
    expect(isEnhancedDomainHost(host)).toBe(false);
  });

  it('picks the enhanced-domain host among the page’s host names (the Visualforce one decides in production)', () => {
    expect(enhancedDomainHost(['acme.lightning.force.com', 'acme--c.vf.force.com'])).toBe('acme--c.vf.force.com');
    expect(enhancedDomainHost(['acme.lightning.force.com', 'acme--c.visualforce.com'])).toBeNull();
    expect(enhancedDomainHost([null, undefined, 'localhost'])).toBeNull();
  });
});
