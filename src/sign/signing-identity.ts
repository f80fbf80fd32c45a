/**
 * The signer's key and certificate, read from a PKCS#12 (.p12 / .pfx) file: node-forge opens the
 * file (checking its MAC and decrypting the bags with the passphrase); Node's crypto holds the key,
 * so RSA and elliptic-curve keys both work.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from './signing-error.js';

/** A private key with the certificate that vouches for it. */
export interface SigningIdentity {
  readonly privateKey: KeyObject;
  /** The signer's certificate, DER. */
  readonly certificate: Buffer;
  /** The other certificates in the file (issuers), DER, to include in the signature. */
  readonly chain: readonly Buffer[];
}

const KEY_BAGS: ReadonlySet<string> = new Set([forge.pki.oids.keyBag, forge.pki.oids.pkcs8ShroudedKeyBag]);

/** Opens a PKCS#12 file; refuses with a SigningError on a wrong passphrase or a file without a usable key. */
export function readSigningIdentity(p12: Uint8Array, passphrase: string): SigningIdentity {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  } catch {
    throw new SigningError('not-pkcs12', 'the --p12 file is not a PKCS#12 file (.p12 or .pfx)');
  }
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch {
    // Forge cannot tell a wrong passphrase from a damaged file once the MAC fails.
    throw new SigningError(
      'bad-passphrase',
      'could not open the --p12 file: the passphrase (GOLDTHREAD_P12_PASSPHRASE or the prompt) is wrong, or the file is damaged',
    );
  }

  const keys: KeyObject[] = [];
  const certificates: Buffer[] = [];
  for (const bag of pfx.safeContents.flatMap((contents) => contents.safeBags)) {
    if (KEY_BAGS.has(bag.type)) keys.push(keyObject(bag));
    else if (bag.type === forge.pki.oids.certBag) certificates.push(certificateDer(bag));
  }

  for (const privateKey of keys) {
    const own = certificates.find((der) => new X509Certificate(der).checkPrivateKey(privateKey));
    if (own === undefined) continue;
    const type = privateKey.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') {
      throw new SigningError(
        'unsupported-key',
        `the --p12 key is ${type ?? 'of an unknown type'}; goldthread signs with RSA or EC keys`,
      );
    }
    return { privateKey, certificate: own, chain: certificates.filter((der) => der !== own) };
  }
  throw new SigningError('no-key', 'the --p12 file has no private key together with its certificate');
}

function keyObject(bag: forge.pkcs12.Bag): KeyObject {
  // Forge parses RSA keys itself; any other key it leaves as the decrypted PrivateKeyInfo.
  const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
  const der = Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function certificateDer(bag: forge.pkcs12.Bag): Buffer {
  // Forge parses RSA certificates; it keeps others (EC) as their ASN.1.
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
