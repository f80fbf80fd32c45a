/**
 * Throwaway signing identities for tests, made in-process with node-forge (never a committed key):
 * an RSA 2048 key, a self-signed certificate and the PKCS#12 file holding both. Made once per
 * test file (key generation is the slow part) and reused.
 */
import forge from 'node-forge';

/** A PKCS#12 file and what is inside it. */
export interface ThrowawayIdentity {
  readonly p12: Buffer;
  readonly passphrase: string;
  /** The certificate, DER. */
  readonly certificate: Buffer;
}

const cache = new Map<string, ThrowawayIdentity>();

/** A self-signed RSA identity valid from `validFrom` for `days` days, with the given common name. */
export function throwawayIdentity(
  options: { commonName?: string; validFrom?: Date; days?: number } = {},
): ThrowawayIdentity {
  const commonName = options.commonName ?? 'Test Clinician';
  const validFrom = options.validFrom ?? new Date(Date.UTC(2020, 0, 1));
  const days = options.days ?? 365 * 30;
  const key = `${commonName}|${validFrom.toISOString()}|${days}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = new Date(validFrom.getTime() + days * 86_400_000);
  const name = [{ name: 'commonName', value: commonName }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(keys.privateKey, forge.md.sha256.create());

  const passphrase = 'correct horse battery staple';
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: 'aes256' });
  const identity: ThrowawayIdentity = {
    p12: Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'),
    passphrase,
    certificate: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'),
  };
  cache.set(key, identity);
  return identity;
}
