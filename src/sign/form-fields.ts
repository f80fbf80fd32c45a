/**
 * Reading a PDF's signature fields back: their names, whether each holds a signature yet, and
 * where the field and the form live, so a signature can be written into one of them.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from './pdf-lib.js';
import { SigningError } from './signing-error.js';

/** One signature field of a PDF. */
export interface SignatureField {
  /** The fully qualified field name (`clinician`, or `parent.child` for nested fields). */
  readonly name: string;
  readonly signed: boolean;
  /** The field's indirect reference, or undefined when it is stored inline. */
  readonly ref: PDFRef | undefined;
  readonly dict: PDFDict;
}

/** Loads PDF bytes for signing, refusing anything that is not a readable PDF. */
export async function loadForSigning(pdf: Uint8Array): Promise<PDFDocument> {
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new SigningError('not-a-pdf', 'the input is not a PDF file');
  }
  let doc: PDFDocument | undefined;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    doc = undefined;
  }
  // pdf-lib is lenient: a file with a PDF header and nothing usable after it loads without a catalog.
  if (!(doc?.catalog instanceof PDFDict)) {
    throw new SigningError('not-a-pdf', 'the input could not be read as a PDF (damaged or encrypted)');
  }
  return doc;
}

/** Every signature field, in the form's order. */
export function signatureFields(doc: PDFDocument): SignatureField[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: SignatureField[] = [];
  const visit = (entry: unknown, prefix: string, inheritedType: PDFName | undefined, depth: number): void => {
    const ref = entry instanceof PDFRef ? entry : undefined;
    const dict = ref ? doc.context.lookupMaybe(ref, PDFDict) : entry;
    if (!(dict instanceof PDFDict) || depth > 16) return;
    const partial = text(dict.lookup(PDFName.of('T')));
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const type = dict.lookupMaybe(PDFName.of('FT'), PDFName) ?? inheritedType;
    const kids = dict.lookupMaybe(PDFName.of('Kids'), PDFArray);
    const namedKids = kids
      ?.asArray()
      .filter((kid) => text(doc.context.lookupMaybe(kid, PDFDict)?.lookup(PDFName.of('T'))));
    if (namedKids !== undefined && namedKids.length > 0) {
      for (const kid of namedKids) visit(kid, name, type, depth + 1);
      return;
    }
    if (type === PDFName.of('Sig') && name !== '') {
      found.push({ name, signed: dict.has(PDFName.of('V')), ref, dict });
    }
  };
  for (const entry of fields?.asArray() ?? []) visit(entry, '', undefined, 0);
  return found;
}

/** The field to sign, or a SigningError saying why it cannot be signed. */
export function fieldToSign(doc: PDFDocument, name: string): SignatureField {
  const fields = signatureFields(doc);
  if (fields.length === 0) {
    throw new SigningError(
      'no-signature-fields',
      'the PDF has no signature fields: render it with goldthread (drafts have none: they are not ready for signature)',
    );
  }
  const field = fields.find((f) => f.name === name);
  if (field === undefined) {
    throw new SigningError(
      'unknown-field',
      `the PDF has no signature field "${name}"; its fields are: ${fields.map(describe).join(', ')}`,
    );
  }
  if (field.signed) {
    throw new SigningError(
      'already-signed',
      `the field "${name}" is already signed; unsigned fields: ${unsigned(fields)}`,
    );
  }
  return field;
}

function describe(field: SignatureField): string {
  return field.signed ? `${field.name} (signed)` : field.name;
}

function unsigned(fields: readonly SignatureField[]): string {
  const names = fields.filter((f) => !f.signed).map((f) => f.name);
  return names.length > 0 ? names.join(', ') : 'none';
}

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}
