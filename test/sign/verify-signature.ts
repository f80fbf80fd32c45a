/**
 * Checks a PDF signature the way a verifier does, without poppler: the CMS inside /Contents must
 * verify over exactly the bytes its /ByteRange names (pkijs), and again with Node's crypto from
 * the raw signed attributes, so a mistake in one library cannot hide in the other.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../../src/sign/cades-signature.js';
import { type PDFDict, type PDFHexString, PDFName } from '../../src/sign/pdf-lib.js';
import { numbers } from './pdf-structure.js';

/** What a signature dictionary and its CMS say. */
export interface CheckedSignature {
  readonly byteRange: number[];
  /** pkijs's verdict: digest matches the byte range and the signature matches the certificate. */
  readonly pkijsValid: boolean;
  /** Node's verdict on the signed attributes' signature. */
  readonly nodeValid: boolean;
  /** The message-digest attribute equals SHA-256 of the byte range. */
  readonly digestMatches: boolean;
  /** The signed attributes' types, in order. */
  readonly signedAttributes: string[];
  readonly unsignedAttributes: number;
  /** The certificate hash of signing-certificate-v2, hex. */
  readonly signingCertificateHash: string | undefined;
  /** The signer's certificate, DER. */
  readonly certificate: Buffer;
  readonly digestAlgorithm: string;
  readonly signedRange: Buffer;
}

/** Verifies the signature dictionary `signature` of the file `pdf`. */
export async function checkSignature(pdf: Buffer, signature: PDFDict): Promise<CheckedSignature> {
  const byteRange = numbers(signature.get(PDFName.of('ByteRange')));
  const [a, b, c, d] = byteRange as [number, number, number, number];
  const signedRange = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const contents = Buffer.from((signature.get(PDFName.of('Contents')) as PDFHexString).asBytes());
  const der = contents.subarray(0, derLength(contents));

  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(der));
  expectEqual(contentInfo.contentType, OID.signedData);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signer = signedData.signerInfos[0] as pkijs.SignerInfo;
  const certificate = Buffer.from((signedData.certificates ?? [])[0]?.toSchema().toBER(false) ?? new ArrayBuffer(0));

  const pkijsValid = await signedData.verify({
    signer: 0,
    data: signedRange.buffer.slice(signedRange.byteOffset, signedRange.byteOffset + signedRange.length) as ArrayBuffer,
    checkChain: false,
    checkDate: new Date(new X509Certificate(certificate).validFrom),
  });

  const attributes = signer.signedAttrs?.attributes ?? [];
  const signedAttrsDer = Buffer.from(signer.signedAttrs?.encodedValue ?? new ArrayBuffer(0));
  signedAttrsDer[0] = 0x31; // verified as a SET OF, as stored under [0]
  const nodeValid = verify(
    'sha256',
    signedAttrsDer,
    new X509Certificate(certificate).publicKey,
    Buffer.from(signer.signature.valueBlock.valueHexView),
  );

  const value = (type: string) => attributes.find((attr) => attr.type === type)?.values[0];
  const digest = value(OID.messageDigest) as asn1js.OctetString | undefined;
  const signingCertificate = value(OID.signingCertificateV2) as asn1js.Sequence | undefined;
  const essCertId = (signingCertificate?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as
    | asn1js.Sequence
    | undefined;
  const certHash = essCertId?.valueBlock.value[0] as asn1js.OctetString | undefined;

  return {
    byteRange,
    pkijsValid,
    nodeValid,
    digestMatches:
      digest !== undefined &&
      Buffer.from(digest.valueBlock.valueHexView).equals(createHash('sha256').update(signedRange).digest()),
    signedAttributes: attributes.map((attr) => attr.type),
    unsignedAttributes: signer.unsignedAttrs?.attributes.length ?? 0,
    signingCertificateHash: certHash ? Buffer.from(certHash.valueBlock.valueHexView).toString('hex') : undefined,
    certificate,
    digestAlgorithm: signer.digestAlgorithm.algorithmId,
    signedRange,
  };
}

/** The length of the DER value at the start of `bytes` (/Contents is padded with zeros after it). */
function derLength(bytes: Buffer): number {
  const first = bytes[1] as number;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] as number);
  return 2 + count + length;
}

function expectEqual(actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
}
