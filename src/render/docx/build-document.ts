/**
 * The document tree as a docx `Document`: the object tree `renderDocx` packs into a .docx file.
 */

import type { FileChild } from 'docx';
import { Document, Paragraph } from 'docx';
import type { DocumentTree } from '../../compose/tree.js';
import { BlockCounters, blockContent } from './blocks.js';
import { blocksWithDraftNotice } from './draft.js';
import { plainRuns } from './inline.js';
import { pageFooter, pageHeader } from './page-frame.js';
import { documentStyles, listNumbering, PAGE, STYLE } from './styles.js';

function titleBlock(tree: DocumentTree): Paragraph[] {
  const title = new Paragraph({ style: STYLE.title, children: plainRuns(tree.title) });
  if (tree.subtitle === undefined) return [title];
  return [title, new Paragraph({ style: STYLE.subtitle, children: plainRuns(tree.subtitle) })];
}

/** Builds the Word document for a tree: styles, numbering, page frame, title and every block. */
export function toDocxDocument(tree: DocumentTree): Document {
  const counters = new BlockCounters();
  const body: FileChild[] = [
    ...titleBlock(tree),
    ...blocksWithDraftNotice(tree).flatMap((block) => blockContent(block, counters)),
  ];
  return new Document({
    title: tree.meta.title,
    subject: tree.meta.subject,
    creator: tree.meta.author,
    lastModifiedBy: tree.meta.author,
    keywords: tree.meta.keywords.join(', '),
    description: `${tree.documentId} (${tree.version})`,
    revision: 1,
    styles: documentStyles(tree.meta.language),
    numbering: listNumbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.headerDistance,
              footer: PAGE.footerDistance,
            },
          },
        },
        headers: { default: pageHeader(tree) },
        footers: { default: pageFooter(tree) },
        children: body,
      },
    ],
  });
}
