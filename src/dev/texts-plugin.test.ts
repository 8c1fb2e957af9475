import { describe, expect, it } from 'vitest';
import { splitKeys } from './texts-plugin';

describe('which texts the first screen needs', () => {
  const keys = ['app.title', 'signIn.title', 'failure.apexAccess.cause', 'failure.apexAccess.fix', 'call.answer', 'error.OFFLINE', 'errors.other'];

  it('takes the keys its code writes whole, or by the start of a template, in the order of the keys', () => {
    const sources = ["t('signIn.title')", 'const k = "app.title";', 't(`failure.${kind}.cause`); alert({ key: `error.${code}` });'];
    expect(splitKeys(keys, sources)).toEqual({
      first: ['app.title', 'signIn.title', 'failure.apexAccess.cause', 'failure.apexAccess.fix', 'error.OFFLINE'],
      later: ['call.answer', 'errors.other'],
    });
  });

  it('does not take a key that only appears inside a longer one', () => {
    expect(splitKeys(['call.answer', 'call'], ["t('call.answer')"])).toEqual({ first: ['call.answer'], later: ['call'] });
  });
});
