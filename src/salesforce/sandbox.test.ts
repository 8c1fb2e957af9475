import { describe, expect, it } from 'vitest';
import { riskySandbox, sandboxName } from './sandbox';

describe('sandbox names in Salesforce host names', () => {
  it.each([
    ['acme--callcenter.sandbox.lightning.force.com', 'callcenter'],
    ['acme--callcenter--c.sandbox.vf.force.com', 'callcenter'],
    ['acme--uat.sandbox.my.salesforce.com', 'uat'],
    ['acme--dev.lightning.force.com', 'dev'],
    ['acme--dev--c.visualforce.com', 'dev'],
    ['acme--cs--c.cs42.visual.force.com', 'cs'],
    ['acme--c.vf.force.com', null],
    ['acme.lightning.force.com', null],
    ['acme.my.salesforce.com', null],
    ['localhost', null],
  ])('%s → %s', (host, name) => {
    expect(sandboxName(host)).toBe(name);
  });

  it('flags only names that start with c, from any host the page knows', () => {
    expect(riskySandbox(['acme--c.vf.force.com', 'acme--callcenter.sandbox.lightning.force.com'])).toBe('callcenter');
    expect(riskySandbox(['acme--uat.sandbox.lightning.force.com', null])).toBeNull();
    expect(riskySandbox([])).toBeNull();
  });
});
