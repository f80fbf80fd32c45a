/**
 * How a draft is marked: the words on every page, and the notice a draft opens with.
 *
 * Shared by the DOCX and HTML renderers (and fit for the PDF one) so every format says the same.
 */
import type { Block, DocumentTree } from '../../compose/tree.js';

/** The words every page of a draft carries. */
export const DRAFT_MARK = 'DRAFT \u2014 NOT READY FOR SIGNATURE';

/**
 * The blocks a document opens with: a draft notice first when the tree is a draft, unless the tree
 * already starts with a draft notice of its own.
 */
export function blocksWithDraftNotice(tree: DocumentTree): readonly Block[] {
  const first = tree.blocks[0];
  if (!tree.draft || (first?.kind === 'notice' && first.tone === 'draft')) return tree.blocks;
  const notice: Block = {
    kind: 'notice',
    tone: 'draft',
    content: [
      { text: `${DRAFT_MARK}. `, bold: true },
      { text: 'The audit found problems with this record; correct them before this document is signed or sent.' },
    ],
  };
  return [notice, ...tree.blocks];
}
