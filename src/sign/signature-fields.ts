/**
 * Empty signature form fields, one per signer, each lying on that signer's signature line, so a
 * signing tool (Acrobat, pdfsig, `goldthread sign`) offers "sign here" at the right place.
 *
 * The renderer marks each line with a named destination (`signature-<role>`, see
 * `render/pdf/signature-blocks.ts`); the field is named after the role (`clinician`, `patient`,
 * `patient-2` when a role repeats) and covers the room above the line.
 */

import type { Block, DocumentTree, Signer } from '../compose/tree.js';
import { SIGNATURE_LINE, signatureAnchorIds, signatureLineWidth } from '../render/pdf/signature-blocks.js';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from './pdf-lib.js';

/** One signer's field, as planned from the document tree. */
export interface PlannedSignatureField {
  /** The field's name: the role, numbered when it repeats (`clinician`, `patient-2`). */
  readonly name: string;
  /** The named destination that marks the signer's line. */
  readonly anchor: string;
  /** The tooltip signing tools show ("Signature of the treating clinician"). */
  readonly tooltip: string;
}

/** Flag 3 of an annotation's /F: print it (PDF/A requires it on every annotation). */
const PRINT_FLAG = 4;
/** /SigFlags bit 1: the document has signature fields. Bit 2 (append only) comes with the first signature. */
const SIGNATURES_EXIST = 1;

/** The fields a tree's signers need, in document order. */
export function plannedSignatureFields(tree: DocumentTree): PlannedSignatureField[] {
  const fields = new Map<string, PlannedSignatureField>();
  for (const signers of signerGroups(tree.blocks)) {
    const anchors = signatureAnchorIds(signers);
    signers.forEach((signer, index) => {
      const anchor = anchors[index] as string;
      // Field names must be unique; a role repeated in a second block would share its anchor anyway.
      if (fields.has(anchor)) return;
      fields.set(anchor, { name: anchor.slice('signature-'.length), anchor, tooltip: tooltipFor(signer) });
    });
  }
  return [...fields.values()];
}

/**
 * Adds the planned fields to the document: each a merged field and widget annotation with an
 * empty appearance, listed in the page's /Annots and the AcroForm's /Fields. Throws if the PDF
 * lacks a field's anchor (the renderer and this module disagree: a bug, not a user error).
 */
export function addSignatureFields(doc: PDFDocument, fields: readonly PlannedSignatureField[]): void {
  if (fields.length === 0) return;
  const { context } = doc;
  const anchors = namedDestinations(doc);
  const fieldRefs: PDFRef[] = [];
  for (const field of fields) {
    const anchor = anchors.get(field.anchor);
    if (anchor === undefined) {
      throw new Error(`PDF signature fields: the rendered PDF has no "${field.anchor}" destination.`);
    }
    const lineY = anchor.y + SIGNATURE_LINE.gap;
    const appearance = context.register(
      context.stream(new Uint8Array(0), {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, signatureLineWidth, SIGNATURE_LINE.height],
        Resources: {},
      }),
    );
    const widget = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFString.of(field.name),
        TU: PDFHexString.fromText(field.tooltip),
        Rect: [anchor.x, lineY, anchor.x + signatureLineWidth, lineY + SIGNATURE_LINE.height],
        F: PRINT_FLAG,
        P: anchor.page,
        AP: { N: appearance },
      }),
    );
    pageAnnotations(doc, anchor.page).push(widget);
    fieldRefs.push(widget);
  }
  const acroForm = context.register(context.obj({ Fields: fieldRefs, SigFlags: SIGNATURES_EXIST }));
  doc.catalog.set(PDFName.of('AcroForm'), acroForm);
}

interface Anchor {
  readonly page: PDFRef;
  readonly x: number;
  readonly y: number;
}

/** The document's named destinations (the catalog's /Names /Dests tree) that point at a page and a point. */
function namedDestinations(doc: PDFDocument): Map<string, Anchor> {
  const found = new Map<string, Anchor>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const visit = (node: PDFDict | undefined, depth: number): void => {
    if (node === undefined || depth > 32) return;
    const entries = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; entries !== undefined && i + 1 < entries.size(); i += 2) {
      const key = entries.lookup(i);
      const target = entries.lookup(i + 1);
      const destination = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
      if (!(destination instanceof PDFArray) || !(key instanceof PDFString || key instanceof PDFHexString)) continue;
      const page = destination.get(0);
      const x = destination.lookup(2);
      const y = destination.lookup(3);
      if (page instanceof PDFRef && x instanceof PDFNumber && y instanceof PDFNumber) {
        found.set(key.decodeText(), { page, x: x.asNumber(), y: y.asNumber() });
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids !== undefined && i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  visit(root, 0);
  return found;
}

/** The page's /Annots array, made a direct array of the page if it was missing. */
function pageAnnotations(doc: PDFDocument, pageRef: PDFRef): PDFArray {
  const page = doc.context.lookup(pageRef, PDFDict);
  const existing = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing !== undefined) return existing;
  const annots = doc.context.obj([]);
  page.set(PDFName.of('Annots'), annots);
  return annots;
}

/** Every signatures block's signers, depth first, as the renderer numbers them per block. */
function signerGroups(blocks: readonly Block[]): (readonly Signer[])[] {
  const groups: (readonly Signer[])[] = [];
  for (const block of blocks) {
    if (block.kind === 'signatures') groups.push(block.signers);
    else if (block.kind === 'section') groups.push(...signerGroups(block.blocks));
  }
  return groups;
}

function tooltipFor(signer: Signer): string {
  const label = signer.roleLabel.trim() || signer.role;
  return `Signature of the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}
