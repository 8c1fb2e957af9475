/**
 * runApex's `methodParams`, written so that it means the same whatever Salesforce does with it.
 *
 * Salesforce documents the string only as `name=value&name=value`; it does not say whether a value is
 * percent-decoded before the Apex method gets it, nor whether `+` becomes a space. So every value
 * travels as unpadded base64url of its UTF-8 bytes: only letters, digits, `-` and `_`, which no
 * reading changes (`=`, `+`, `/` and `%` never occur). The package's Apex decodes every parameter.
 * Keys are plain identifiers (the Apex method's parameter names); no parameters at all is `none`,
 * as Salesforce's guide asks.
 */

/** A parameter name as Apex spells one: a letter, then letters, digits or single underscores. */
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** The unpadded base64url text (`-` and `_` for `+` and `/`, no `=`) of the UTF-8 bytes of `text`. */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // btoa takes a "binary string": one character per byte. Chunks keep the argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `methodParams` for runApex: `name=<base64url>&…`, or `none` when there are no parameters. */
export function apexMethodParams(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([name, value]) => {
    // A programming error, not input: the names come from this code, never from a caller or a server.
    if (!IDENTIFIER.test(name)) throw new Error(`runApex parameter name "${name}" is not an Apex identifier.`);
    return `${name}=${base64url(value)}`;
  });
  return pairs.length === 0 ? 'none' : pairs.join('&');
}
