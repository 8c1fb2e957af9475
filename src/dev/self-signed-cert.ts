/**
 * A throwaway self-signed TLS certificate for the HTTPS proxy that puts the mock page under
 * Salesforce-like names (made with the `selfsigned` package): an EC P-256 key and a certificate for the
 * given DNS names. Browsers are told to ignore certificate errors there, so only servers (Node's TLS)
 * need to accept it.
 */
import { generate } from 'selfsigned';

export interface SelfSignedCert {
  /** PEM certificate. */
  cert: string;
  /** PEM private key (PKCS#8). */
  key: string;
}

/** A certificate valid from an hour ago for `days`, for every DNS name given (wildcards allowed). */
export async function selfSignedCert(dnsNames: readonly string[], days = 2): Promise<SelfSignedCert> {
  const [first] = dnsNames;
  if (first === undefined) throw new Error('selfSignedCert needs at least one DNS name.');
  const notBeforeDate = new Date(Date.now() - 3_600_000);
  const pems = await generate([{ name: 'commonName', value: first }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 3_600_000 + days * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: dnsNames.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
