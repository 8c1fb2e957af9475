import { describe, expect, it } from 'vitest';
import { apexMethodParams } from '../../salesforce/apex-params';
import { decodeBase64url, readApexParams } from './apex-params';

const AWKWARD = `a b + c 100% & d=e "q" 'q' 山田 太郎 📞`;

describe("the fake org's reading of runApex methodParams", () => {
  it('decodes what the panel sends, read as sent, percent-decoded or with + as a space', () => {
    const sent = apexMethodParams({ phone: AWKWARD, objects: 'Contact,Lead' });
    for (const received of [sent, decodeURIComponent(sent), sent.replace(/\+/g, ' ')]) {
      expect(Object.fromEntries(readApexParams(received, ['phone', 'objects']))).toEqual({ phone: AWKWARD, objects: 'Contact,Lead' });
    }
  });

  it('refuses the old URL encoding, whose meaning depends on whether Salesforce decodes it', () => {
    const old = new URLSearchParams({ phone: AWKWARD }).toString();
    expect(() => readApexParams(old, ['phone'])).toThrow(/reads differently/);
    // Even a value with no % or +, unchanged by every reading, is refused unless it is base64url.
    expect(() => readApexParams('phone=a.b', ['phone'])).toThrow(/not base64url/);
  });

  it('takes no parameters as none, {} or nothing', () => {
    for (const none of ['none', '{}', '']) expect(readApexParams(none, []).size).toBe(0);
  });

  it("refuses names the method does not take, a name twice, and names that are not Apex's", () => {
    const x = apexMethodParams({ log: 'x' });
    expect(() => readApexParams(x, ['phone'])).toThrow(/no parameter log/);
    expect(() => readApexParams(`${x}&${x}`, ['log'])).toThrow(/twice/);
    expect(() => readApexParams('a%20b=eA', ['a b'])).toThrow(/not a parameter name/);
  });

  it('decodes base64url as strictly as the Apex: its alphabet, a possible length, UTF-8', () => {
    expect(decodeBase64url('p', Buffer.from('山田', 'utf8').toString('base64url'))).toBe('山田');
    expect(decodeBase64url('p', '')).toBe('');
    expect(() => decodeBase64url('p', 'eA==')).toThrow(/base64url/); // padded
    expect(() => decodeBase64url('p', 'a+b/')).toThrow(/base64url/); // plain base64
    expect(() => decodeBase64url('p', 'abcde')).toThrow(/base64url/); // 4n+1 characters never decode
    expect(() => decodeBase64url('p', Buffer.from([0xff, 0xfe]).toString('base64url'))).toThrow(/UTF-8/);
  });
});
