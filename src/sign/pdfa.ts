/**
 * Makes pdfmake's output a PDF/A-2b file (ISO 19005-2, level B: the pages will look the same
 * when the file is opened years from now). pdfmake already embeds subsets of every font and
 * writes only DeviceRGB colours; this adds what it leaves out:
 * - an XMP metadata stream identifying the file as PDF/A-2b, agreeing with the document
 *   information dictionary and carrying the document's id and version;
 * - an output intent with an sRGB profile, which gives DeviceRGB colours a meaning;
 * - a transparency group with an RGB blending space on pages that use transparency (a draft's
 *   watermark);
 * - a trailer /ID derived from the content, never random.
 */
import { createHash } from 'node:crypto';
import {
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
} from './pdf-lib.js';
import { SRGB_PROFILE_NAME, srgbProfile } from './srgb-profile.js';
import { type DocumentIdentity, type DocumentInfo, xmpPacket } from './xmp-metadata.js';

/** Adds PDF/A-2b's metadata, output intent, transparency groups and file identifier to the document. */
export function makePdfA2b(doc: PDFDocument, identity: DocumentIdentity): void {
  replaceMetadata(doc, identity);
  addOutputIntent(doc);
  addTransparencyGroups(doc);
  setFileIdentifier(doc, identity.contentHash);
}

/** The document information dictionary's entries as text, dates left as the PDF wrote them. */
export function readDocumentInfo(doc: PDFDocument): DocumentInfo {
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const text = (key: string): string | undefined => {
    const value = info?.lookup(PDFName.of(key));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  };
  const entries = {
    title: text('Title'),
    author: text('Author'),
    subject: text('Subject'),
    keywords: text('Keywords'),
    creator: text('Creator'),
    producer: text('Producer'),
    creationDate: text('CreationDate'),
    modDate: text('ModDate'),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as DocumentInfo;
}

function replaceMetadata(doc: PDFDocument, identity: DocumentIdentity): void {
  const xml = Buffer.from(xmpPacket(readDocumentInfo(doc), identity), 'utf8');
  // PDF/A: the metadata stream must not be compressed, so any archiver can read it.
  const stream = doc.context.stream(xml, { Type: 'Metadata', Subtype: 'XML' });
  const existing = doc.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef) {
    doc.context.assign(existing, stream);
  } else {
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
}

function addOutputIntent(doc: PDFDocument): void {
  const { context } = doc;
  const profile = context.register(context.flateStream(srgbProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_NAME),
    Info: PDFString.of(SRGB_PROFILE_NAME),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
}

/**
 * PDF/A-2 lets a page use transparency; giving it a page group with an RGB blending space keeps
 * the blended colours defined (and matches the output intent's RGB).
 */
function addTransparencyGroups(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    if (page.node.has(PDFName.of('Group')) || resources === undefined || !usesTransparency(resources, 0)) continue;
    page.node.set(PDFName.of('Group'), doc.context.obj({ Type: 'Group', S: 'Transparency', CS: 'DeviceRGB' }));
  }
}

/** Whether resources carry constant opacity below 1, a soft mask or a blend mode, also inside form XObjects. */
function usesTransparency(resources: PDFDict, depth: number): boolean {
  const states = resources.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  for (const [, value] of states?.entries() ?? []) {
    const state = resources.context.lookup(value);
    if (state instanceof PDFDict && stateUsesTransparency(state)) return true;
  }
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [, value] of xobjects?.entries() ?? []) {
    const xobject = resources.context.lookup(value);
    if (!(xobject instanceof PDFStream)) continue;
    const dict = xobject.dict;
    if (dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Group'))) return true;
    const inner = dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
    if (inner !== undefined && depth < 8 && usesTransparency(inner, depth + 1)) return true;
  }
  return false;
}

function stateUsesTransparency(state: PDFDict): boolean {
  const below1 = (key: string): boolean => {
    const value = state.lookup(PDFName.of(key));
    return value instanceof PDFNumber && value.asNumber() < 1;
  };
  const softMask = state.lookup(PDFName.of('SMask'));
  const blend = state.lookup(PDFName.of('BM'));
  const normalBlend = blend === undefined || blend === PDFName.of('Normal') || blend === PDFName.of('Compatible');
  return below1('ca') || below1('CA') || (softMask !== undefined && softMask !== PDFName.of('None')) || !normalBlend;
}

/** Both halves of /ID from the content: the same content always gets the same identifier. */
function setFileIdentifier(doc: PDFDocument, contentHash: string): void {
  const id = createHash('sha256').update(`goldthread file id\n${contentHash}`).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
