/**
 * What happens to pdfmake's bytes before they are a goldthread PDF: an empty signature field per
 * signer (not on drafts, which are not ready for signature) and PDF/A-2b conformance. Everything
 * here is a function of the bytes and the tree, so the output stays byte-identical run to run.
 */
import { createHash } from 'node:crypto';
import type { DocumentTree } from '../compose/tree.js';
import { unshowableFields } from '../render/pdf/glyph-coverage.js';
import { ParseSpeeds, PDFDocument } from './pdf-lib.js';
import { makePdfA2b } from './pdfa.js';
import { addSignatureFields, plannedSignatureFields } from './signature-fields.js';

/** pdfmake's PDF with signature fields and PDF/A-2b added, rewritten as one revision. */
export async function finishPdf(pdfmakeBytes: Uint8Array, tree: DocumentTree): Promise<Buffer> {
  // updateMetadata: false, or pdf-lib stamps its own Producer and today's ModDate. pdf-lib pauses
  // for a timer tick every few objects by default, which only slows a server-side render down.
  const doc = await PDFDocument.load(pdfmakeBytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (!tree.draft) addSignatureFields(doc, plannedSignatureFields(tree));
  makePdfA2b(doc, {
    documentId: tree.documentId,
    version: tree.version,
    contentHash: createHash('sha256').update(pdfmakeBytes).digest('hex'),
    pdfa: unshowableFields(tree).length === 0,
  });
  // A classic cross-reference table and no object streams: `goldthread sign` appends to it, and
  // every PDF/A reader since 1.4 reads it.
  const bytes = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
