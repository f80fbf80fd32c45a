/**
 * Renders a document tree as the bytes of a .docx file, byte-identical for the same tree.
 */
import { Packer } from 'docx';
import type { DocumentTree } from '../../compose/tree.js';
import { toDocxDocument } from './build-document.js';
import { corePropertiesXml, repackWithFixedTimes } from './package-parts.js';

/** The .docx file for a tree: Word's document, with metadata and zip times fixed by the tree. */
export async function renderDocx(tree: DocumentTree): Promise<Buffer> {
  const packed = await Packer.toBuffer(toDocxDocument(tree), false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(tree) },
  ]);
  return repackWithFixedTimes(packed, tree.meta.date);
}
