import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfSignedCert } from './self-signed-cert';

describe('the self-signed certificate for the HTTPS proxy', () => {
  it('is a valid X.509 certificate for the names asked, signed by its own key', async () => {
    const { cert, key } = await selfSignedCert(['*.lightning.force.com', '*.vf.force.com', 'localhost']);
    const x509 = new X509Certificate(cert);
    expect(x509.subjectAltName).toBe('DNS:*.lightning.force.com, DNS:*.vf.force.com, DNS:localhost');
    expect(x509.subject).toBe('CN=*.lightning.force.com');
    expect(x509.checkHost('acme.lightning.force.com')).toBe('*.lightning.force.com');
    expect(x509.checkHost('acme--c.vf.force.com')).toBe('*.vf.force.com');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(new Date(x509.validFrom).getTime()).toBeLessThan(Date.now());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });
});
