import { describe, expect, it } from 'vitest';
import { apexMethodParams, base64url } from './apex-params';

/** Values that URL encodings disagree on, and text outside ASCII. */
const AWKWARD = ['a b', 'a+b', '100%', 'a&b=c', `"quoted" 'single'`, '山田 太郎', '📞 👍🏽', '', '?/#', 'ÿ', '\n\t'];
/** Letters, digits, `-` and `_`: the characters base64url uses, which no URL reading changes. */
const UNRESERVED_BASE64URL = /^[A-Za-z0-9_-]*$/;

/** An independent decoder: Node's own base64url. */
const decode = (value: string) => Buffer.from(value, 'base64url').toString('utf8');

describe('runApex methodParams', () => {
  it.each(AWKWARD)('%j travels as base64url of its UTF-8 bytes, and decodes back', (value) => {
    const encoded = base64url(value);
    expect(encoded).toMatch(UNRESERVED_BASE64URL);
    expect(encoded).toBe(Buffer.from(value, 'utf8').toString('base64url'));
    expect(decode(encoded)).toBe(value);
  });

  it('means the same whether or not the receiver percent-decodes it, and whether or not it reads + as a space', () => {
    const sent = apexMethodParams({ log: AWKWARD.join('|'), phone: '+81 3-5555-0101', objects: 'Contact,Lead' });
    expect(decodeURIComponent(sent)).toBe(sent);
    expect(sent.replace(/\+/g, ' ')).toBe(sent);
    const read = Object.fromEntries(new URLSearchParams(sent));
    expect(Object.keys(read)).toEqual(['log', 'phone', 'objects']);
    expect(decode(read.log!)).toBe(AWKWARD.join('|'));
    expect(decode(read.phone!)).toBe('+81 3-5555-0101');
  });

  it('carries long values whole (past the chunk size of the encoder)', () => {
    const long = '通'.repeat(40_000);
    expect(decode(base64url(long))).toBe(long);
  });

  it('is "none" without parameters, as Salesforce asks', () => {
    expect(apexMethodParams({})).toBe('none');
  });

  it('refuses a name that is not an Apex identifier', () => {
    for (const name of ['a b', 'a=b', '1st', '', 'a__b', 'é']) expect(() => apexMethodParams({ [name]: 'x' }), name).toThrow(/identifier/);
    expect(apexMethodParams({ log_2: 'x' })).toBe('log_2=eA');
  });
});
