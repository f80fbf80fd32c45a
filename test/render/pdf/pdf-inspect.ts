/**
 * Reads back what a rendered PDF says about itself, with pdf-lib: metadata, outline entries and
 * named destinations (where pdfmake put the nodes that carry an id).
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFRef,
  PDFString,
} from '../../../src/sign/pdf-lib.js';

/** A named destination: the page (1-based) and the point pdfmake wrote, in PDF units from the bottom left. */
export interface Destination {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

/** The parts of a PDF the tests look at. */
export interface PdfFacts {
  readonly pageCount: number;
  readonly title: string | undefined;
  readonly author: string | undefined;
  readonly subject: string | undefined;
  readonly keywords: string | undefined;
  readonly producer: string | undefined;
  readonly creator: string | undefined;
  readonly creationDate: Date | undefined;
  readonly modificationDate: Date | undefined;
  readonly language: string | undefined;
  readonly outlineTitles: string[];
  readonly destinations: ReadonlyMap<string, Destination>;
}

/** Loads the bytes without letting pdf-lib touch the metadata. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageRefs = doc.getPages().map((page) => page.ref);
  return {
    pageCount: doc.getPageCount(),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    producer: doc.getProducer(),
    creator: doc.getCreator(),
    creationDate: doc.getCreationDate(),
    modificationDate: doc.getModificationDate(),
    language: textOf(doc.catalog.get(PDFName.of('Lang'))),
    outlineTitles: outlineTitles(doc),
    destinations: destinations(doc, pageRefs),
  };
}

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    titles.push(textOf(item.get(PDFName.of('Title'))) ?? '');
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

function destinations(doc: PDFDocument, pageRefs: PDFRef[]): Map<string, Destination> {
  const found = new Map<string, Destination>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const entries = tree?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!entries) return found;
  for (let i = 0; i + 1 < entries.size(); i += 2) {
    const name = textOf(entries.get(i)) ?? '';
    const target = entries.lookup(i + 1, PDFArray);
    const page = pageRefs.indexOf(target.get(0) as PDFRef) + 1;
    found.set(name, {
      page,
      x: target.lookup(2, PDFNumber).asNumber(),
      y: target.lookup(3, PDFNumber).asNumber(),
    });
  }
  return found;
}
