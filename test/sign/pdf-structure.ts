/**
 * Reads back, with pdf-lib, the parts of a PDF that PDF/A-2b and signing tools look at: metadata,
 * output intents, fonts, annotations and signature dictionaries.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFNumber,
  type PDFRawStream,
  type PDFRef,
  PDFStream,
  PDFString,
} from '../../src/sign/pdf-lib.js';

export const name = (key: string) => PDFName.of(key);

/** Loads without letting pdf-lib touch the metadata. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

export function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export function numbers(value: unknown): number[] {
  return value instanceof PDFArray ? value.asArray().map((n) => (n as PDFNumber).asNumber()) : [];
}

/** The raw, undecoded bytes of a stream. */
export function streamBytes(stream: PDFStream): Uint8Array {
  return (stream as PDFRawStream).contents;
}

/** Every indirect object that is a dictionary (or stream dictionary) with the given /Type. */
export function objectsOfType(doc: PDFDocument, type: string): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => (object instanceof PDFStream ? object.dict : object))
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(name('Type')) === name(type));
}

/** Every annotation of every page, with the page it is on. */
export function annotations(doc: PDFDocument): { page: PDFRef; annotation: PDFDict }[] {
  return doc.getPages().flatMap((page) => {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    return (annots?.asArray() ?? []).map((ref) => ({ page: page.ref, annotation: doc.context.lookup(ref, PDFDict) }));
  });
}

/** The XMP packet of the catalog's /Metadata stream, and whether the stream is stored unfiltered. */
export function catalogXmp(doc: PDFDocument): { xml: string; unfiltered: boolean } {
  const stream = doc.catalog.lookup(name('Metadata'), PDFStream);
  return { xml: Buffer.from(streamBytes(stream)).toString('utf8'), unfiltered: !stream.dict.has(name('Filter')) };
}

/** The character data of the first XMP element with this name (for Alt and Seq: of its first item). */
export function xmpValue(xml: string, property: string): string | undefined {
  const element = new RegExp(`<${property}>([\\s\\S]*?)</${property}>`).exec(xml)?.[1];
  if (element === undefined) return undefined;
  const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(element)?.[1] ?? element;
  return item
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The signature dictionary each signed field points at, by field name. */
export function signatureValues(doc: PDFDocument): Map<string, PDFDict> {
  const found = new Map<string, PDFDict>();
  const fields = doc.catalog.lookup(name('AcroForm'), PDFDict).lookup(name('Fields'), PDFArray);
  for (const ref of fields.asArray()) {
    const field = doc.context.lookup(ref, PDFDict);
    const value = field.lookupMaybe(name('V'), PDFDict);
    if (value) found.set(text(field.get(name('T'))) ?? '', value);
  }
  return found;
}
