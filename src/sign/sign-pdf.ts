/**
 * Signs one signature field of a PDF (PAdES baseline B-B): a signature dictionary with
 * `/SubFilter /ETSI.CAdES.detached` whose /Contents is a CMS signature over every byte of the
 * file except /Contents itself, written as an incremental update. The original bytes, and any
 * signature already over them, stay exactly as they were; the other fields stay signable.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { cadesDetachedSignature } from './cades-signature.js';
import { fieldToSign, loadForSigning } from './form-fields.js';
import { appendIncrementalUpdate, lastCrossReferenceOffset, type UpdatedObject } from './incremental-update.js';
import {
  PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
} from './pdf-lib.js';
import { SigningError } from './signing-error.js';
import type { SigningIdentity } from './signing-identity.js';

/** What to sign and with what. */
export interface SignPdfOptions {
  /** The signature field's name (`clinician`, `patient`, ...). */
  readonly field: string;
  readonly identity: SigningIdentity;
  /** Written as the signature dictionary's /M; the CMS carries no time of its own. */
  readonly signingTime: Date;
  readonly reason?: string;
  readonly location?: string;
}

/** Bytes reserved for the CMS signature at least (twice as many hex digits in /Contents). */
const MIN_SIGNATURE_BYTES = 8192;
/** Room for the CMS structure, attributes and the signature value beyond the certificates. */
const CMS_OVERHEAD_BYTES = 4096;
const BYTE_RANGE_SLOT = 10;
/** /SigFlags once signed: signatures exist (1) and the file must only be appended to (2). */
const SIGNED_FLAGS = 3;

/** Refuses (SigningError) unless the PDF can be signed in that field: a cheap check before asking for a passphrase. */
export async function checkSignable(pdf: Uint8Array, field: string): Promise<void> {
  fieldToSign(await loadForSigning(pdf), field);
  lastCrossReferenceOffset(pdf);
}

/** The PDF with `options.field` signed, as the original bytes plus an incremental update. */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<Buffer> {
  const doc = await loadForSigning(pdf);
  const field = fieldToSign(doc, options.field);
  if (field.ref === undefined) {
    throw new SigningError(
      'unsupported-pdf',
      `the field "${options.field}" is stored inline; goldthread cannot update it`,
    );
  }
  checkCertificateValidity(options.identity, options.signingTime);

  const { context } = doc;
  const signatureNumber = context.largestObjectNumber + 1;
  const reserved = reservedSignatureBytes(options.identity);
  const signedField = field.dict.clone(context);
  signedField.set(PDFName.of('V'), PDFRef.of(signatureNumber));

  const objects: UpdatedObject[] = [
    { objectNumber: signatureNumber, body: signatureDictionary(options, reserved) },
    { objectNumber: field.ref.objectNumber, body: serialize(signedField) },
    formWithSignedFlags(doc),
  ];
  const trailer = context.trailerInfo;
  const firstId = firstIdentifier(trailer.ID) ?? digestHex(pdf).slice(0, 32);
  const update = appendIncrementalUpdate(pdf, objects, {
    size: signatureNumber + 1,
    root: referenceText(trailer.Root),
    ...(trailer.Info instanceof PDFRef ? { info: referenceText(trailer.Info) } : {}),
    id: [firstId, digestHex(pdf, options.field, options.signingTime.toISOString()).slice(0, 32)],
  });

  const bytes = update.bytes;
  const body = update.bodyOffsets.get(signatureNumber) as number;
  const contentsStart = bytes.indexOf('/Contents <', body, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + 2 + reserved * 2;
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  writeByteRange(bytes, body, byteRange);

  const signature = cadesDetachedSignature(
    [bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)],
    options.identity,
  );
  if (signature.length > reserved) {
    throw new SigningError(
      'signature-too-large',
      'the signature does not fit the space reserved for it (too many certificates in the --p12 file)',
    );
  }
  bytes.write(signature.toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return bytes;
}

/** The signature dictionary with a zero-filled /Contents and a blank /ByteRange to fill in once placed. */
function signatureDictionary(options: SignPdfOptions, reserved: number): Uint8Array {
  const slots = Array.from({ length: 3 }, () => ' '.repeat(BYTE_RANGE_SLOT)).join(' ');
  const entries = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange [0 ${slots}]`,
    `/Contents <${'0'.repeat(reserved * 2)}>`,
    `/M (${pdfDate(options.signingTime)})`,
  ];
  if (options.reason !== undefined) entries.push(`/Reason ${PDFHexString.fromText(options.reason).toString()}`);
  if (options.location !== undefined) entries.push(`/Location ${PDFHexString.fromText(options.location).toString()}`);
  return Buffer.from(`<<\n${entries.join('\n')}\n>>`, 'latin1');
}

function writeByteRange(bytes: Buffer, body: number, range: readonly number[]): void {
  const start = bytes.indexOf('/ByteRange [0 ', body, 'latin1') + '/ByteRange [0 '.length;
  range.slice(1).forEach((value, i) => {
    bytes.write(String(value).padEnd(BYTE_RANGE_SLOT, ' '), start + i * (BYTE_RANGE_SLOT + 1), 'latin1');
  });
}

/** The AcroForm (or the catalog holding it inline) with /SigFlags 3. */
function formWithSignedFlags(doc: PDFDocument): UpdatedObject {
  const { context, catalog } = doc;
  const entry = catalog.get(PDFName.of('AcroForm'));
  if (entry instanceof PDFRef) {
    const form = (context.lookup(entry) as PDFDict).clone(context);
    form.set(PDFName.of('SigFlags'), PDFNumber.of(SIGNED_FLAGS));
    return { objectNumber: entry.objectNumber, body: serialize(form) };
  }
  const root = context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw new SigningError('unsupported-pdf', 'the PDF has no catalog reference');
  const updated = catalog.clone(context);
  const form = (catalog.lookup(PDFName.of('AcroForm')) as PDFDict).clone(context);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(SIGNED_FLAGS));
  updated.set(PDFName.of('AcroForm'), form);
  return { objectNumber: root.objectNumber, body: serialize(updated) };
}

/** Space for the CMS: the certificates it carries plus room for everything else. */
function reservedSignatureBytes(identity: SigningIdentity): number {
  const certificates = [identity.certificate, ...identity.chain].reduce((sum, der) => sum + der.length, 0);
  return Math.max(MIN_SIGNATURE_BYTES, Math.ceil((certificates + CMS_OVERHEAD_BYTES) / 1024) * 1024);
}

function checkCertificateValidity(identity: SigningIdentity, at: Date): void {
  const certificate = new X509Certificate(identity.certificate);
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) {
    throw new SigningError(
      'certificate-not-valid',
      `the signing certificate is valid from ${certificate.validFrom} to ${certificate.validTo}, not at the signing time`,
    );
  }
}

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

function serialize(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function referenceText(ref: unknown): string {
  if (!(ref instanceof PDFRef)) throw new SigningError('unsupported-pdf', 'the PDF has no catalog reference');
  return `${ref.objectNumber} ${ref.generationNumber} R`;
}

function firstIdentifier(id: unknown): string | undefined {
  const first = id instanceof PDFArray ? id.get(0) : undefined;
  return first instanceof PDFHexString ? first.asString() : undefined;
}

function digestHex(...parts: (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
