/**
 * Renders a document tree to PDF bytes with pdfmake.
 */
import pdfmake from 'pdfmake';
import type { DocumentTree } from '../../compose/tree.js';
import { finishPdf } from '../../sign/finish-pdf.js';
import { toDocDefinition } from './doc-definition.js';
import { type FontFileSystem, type FontSource, isBundledFontFile, provideRobotoFaces, ROBOTO_FILES } from './fonts.js';
import { FONT_FAMILY } from './page-style.js';

/** The tree as a PDF/A-2b file with a signature field per signer: same tree, byte-identical bytes. */
export async function renderPdf(tree: DocumentTree): Promise<Buffer> {
  configurePdfmake();
  return finishPdf(await pdfmake.createPdf(toDocDefinition(tree)).getBuffer(), tree);
}

/** Where the renderer's fonts come from in this process ('parsed': shared, parsed once). */
export function pdfFontSource(): FontSource {
  return configurePdfmake();
}

/**
 * pdfmake is a process-wide singleton: set it up on every render (it is cheap) so that nothing
 * else can leave it fetching URLs or reading files beyond our fonts. The font descriptors are
 * fresh objects each time because pdfmake writes into them.
 */
function configurePdfmake(): FontSource {
  // `virtualfs` is the server build's in-memory file system; @types/pdfmake does not declare it.
  const source = provideRobotoFaces((pdfmake as unknown as { virtualfs?: FontFileSystem }).virtualfs);
  pdfmake.setFonts({ [FONT_FAMILY]: { ...ROBOTO_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isBundledFontFile);
  return source;
}
