/**
 * The signature a PAdES baseline B-B signature field holds: a CMS SignedData (RFC 5652), detached
 * (the signed bytes are the PDF's byte range, not inside the CMS), with exactly the signed
 * attributes CAdES asks for: content-type, message-digest and signing-certificate-v2 (RFC 5035).
 * There is no signing-time attribute: PAdES puts the time in the signature dictionary's /M.
 * SHA-256 throughout; the signature is RSA PKCS#1 v1.5 or ECDSA, by the key's type.
 */
import { createHash, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './signing-identity.js';

/** The object identifiers used here. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** The DER of a detached CAdES signature over `content` (the parts of the PDF the byte range covers). */
export function cadesDetachedSignature(content: readonly Uint8Array[], identity: SigningIdentity): Buffer {
  const digest = createHash('sha256');
  for (const part of content) digest.update(part);
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(identity.certificate));

  const attributes = sortedByEncoding([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: digest.digest() })),
    attribute(OID.signingCertificateV2, signingCertificateV2(identity.certificate)),
  ]);
  // The signature covers the attributes encoded as a SET OF (RFC 5652 §5.4), though they are
  // stored under the [0] IMPLICIT tag: same content bytes, different first byte.
  const signedAttributes = der(new asn1js.Set({ value: attributes }));
  const signature = sign('sha256', signedAttributes, identity.privateKey);

  const signerInfo = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({ value: [certificate.issuer.toSchema(), certificate.serialNumber] }),
      algorithm(OID.sha256),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: attributes }),
      identity.privateKey.asymmetricKeyType === 'ec'
        ? algorithm(OID.ecdsaWithSha256)
        : algorithm(OID.sha256WithRsaEncryption, new asn1js.Null()),
      new asn1js.OctetString({ valueHex: signature }),
    ],
  });
  const certificates = sortedByEncoding(
    [identity.certificate, ...identity.chain].map((bytes) => asn1js.fromBER(bytes).result),
  );
  const signedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Set({ value: [algorithm(OID.sha256)] }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: certificates }),
      new asn1js.Set({ value: [signerInfo] }),
    ],
  });
  return der(
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: OID.signedData }),
        new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] }),
      ],
    }),
  );
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, with one ESSCertIDv2 naming
 * the signer's certificate by its SHA-256 hash (the default algorithm, so omitted, as DER requires;
 * issuerSerial is left out, as ETSI EN 319 122-1 recommends).
 */
function signingCertificateV2(certificate: Uint8Array): asn1js.Sequence {
  const hash = createHash('sha256').update(certificate).digest();
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: hash })] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

function attribute(type: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })],
  });
}

function algorithm(oid: string, parameters?: asn1js.AsnType): asn1js.Sequence {
  const value: asn1js.AsnType[] = [new asn1js.ObjectIdentifier({ value: oid })];
  if (parameters !== undefined) value.push(parameters);
  return new asn1js.Sequence({ value });
}

/** DER sorts the members of a SET OF by their encodings. */
function sortedByEncoding<T extends asn1js.AsnType>(items: T[]): T[] {
  return items
    .map((item) => ({ item, bytes: der(item) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ item }) => item);
}

function der(value: asn1js.AsnType): Buffer {
  return Buffer.from(value.toBER(false));
}
