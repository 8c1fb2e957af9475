import { describe, expect, it } from 'vitest';
import { realScriptFile } from './real-scripts';

describe("Salesforce's own scripts in place of the stand-ins", () => {
  it('serves the file an environment variable names, per path', () => {
    const env = { OPENCTI_MIN_JS: '/tmp/opencti_min.js', INTERACTION_JS: '/tmp/interaction.js' };
    expect(realScriptFile('/support/api/57.0/lightning/opencti_min.js', env)).toBe('/tmp/opencti_min.js');
    expect(realScriptFile('/support/api/57.0/interaction.js', env)).toBe('/tmp/interaction.js');
  });

  it('serves the stand-in otherwise', () => {
    expect(realScriptFile('/support/api/57.0/interaction.js', {})).toBeNull();
    expect(realScriptFile('/support/api/57.0/interaction.js', { INTERACTION_JS: '' })).toBeNull();
    expect(realScriptFile('/support/api/57.0/other.js', { INTERACTION_JS: '/tmp/x.js' })).toBeNull();
    expect(realScriptFile('toString', { INTERACTION_JS: '/tmp/x.js' })).toBeNull();
  });
});
