/**
 * How the fake org reads runApex's `methodParams`, as strictly as the real path could: Salesforce
 * does not document whether it percent-decodes the values or reads `+` as a space before the Apex
 * method sees them, so a value counts only if every such reading gives the same text. Then, as the
 * package's Apex does, each value is decoded from unpadded base64url to UTF-8.
 */
import { OrgError } from './org-error.ts';

/** `name=value&…` with no parameters: Salesforce's guide says `none`; `{}` and the empty string are seen too. */
const NO_PARAMS = new Set(['none', '{}', '']);
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The value as each possible receiver would read it: untouched, percent-decoded, form-decoded. */
function readings(value: string): string[] {
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return null; // a stray % : that receiver would fail or read something else
    }
  };
  return [value, decode(value) ?? `\u0000${value}`, decode(value.replace(/\+/g, ' ')) ?? `\u0001${value}`];
}

/** Unpadded base64url → the UTF-8 text it holds; refuses anything the Apex decoder would not take. */
export function decodeBase64url(name: string, value: string): string {
  if (!BASE64URL.test(value) || value.length % 4 === 1) {
    throw new OrgError('GENERIC_ERROR', `BIZTELOpenCTIController: parameter ${name} is not base64url text.`);
  }
  const bytes = Buffer.from(value, 'base64url');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new OrgError('GENERIC_ERROR', `BIZTELOpenCTIController: parameter ${name} is not UTF-8 text.`);
  }
}

/**
 * The decoded parameters of one runApex call, by name. `allowed` are the Apex method's parameter
 * names; another name, a name twice, or a value that different readings would change is refused.
 */
export function readApexParams(methodParams: string, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  if (NO_PARAMS.has(methodParams)) return params;
  for (const pair of methodParams.split('&')) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    const value = at < 0 ? '' : pair.slice(at + 1);
    if (!IDENTIFIER.test(name)) throw new OrgError('GENERIC_ERROR', `runApex: "${name}" is not a parameter name.`);
    if (!allowed.includes(name)) throw new OrgError('GENERIC_ERROR', `runApex: the method has no parameter ${name}.`);
    if (params.has(name)) throw new OrgError('GENERIC_ERROR', `runApex: parameter ${name} given twice.`);
    if (new Set(readings(value)).size > 1) {
      throw new OrgError(
        'GENERIC_ERROR',
        `runApex: parameter ${name} reads differently depending on whether Salesforce decodes it (percent signs or +); send only unreserved characters.`,
      );
    }
    params.set(name, decodeBase64url(name, value));
  }
  return params;
}
