/**
 * The document tree's blocks as DOCX paragraphs and tables.
 */

import type { FileChild } from 'docx';
import { HeadingLevel, Paragraph } from 'docx';
import type { Block } from '../../compose/tree.js';
import { chartParagraphs } from './chart-image.js';
import { inlineRuns, plainRuns } from './inline.js';
import { signatureBlocks } from './signatures.js';
import { LIST, STYLE } from './styles.js';
import { dataTable, fieldsGrid } from './tables.js';

/**
 * What the blocks of one document share: numbered lists each start again at 1, and every drawing
 * needs an id of its own. Counting them here (not in docx's process-wide counters) keeps the output
 * the same however many documents a process renders.
 */
export class BlockCounters {
  private lists = 0;
  private drawings = 0;

  /** A new list instance, so the list's numbering starts at 1. */
  nextList(): number {
    this.lists += 1;
    return this.lists;
  }

  /** The id of the next drawing (chart) in the document. */
  nextDrawing(): number {
    this.drawings += 1;
    return this.drawings;
  }
}

const HEADING = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const NOTICE_STYLE = {
  draft: STYLE.noticeDraft,
  warning: STYLE.noticeWarning,
  info: STYLE.noticeInfo,
} as const;

/** One block as the paragraphs and tables that show it. */
export function blockContent(block: Block, counters: BlockCounters): FileChild[] {
  switch (block.kind) {
    case 'section':
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: plainRuns(block.title) }),
        ...block.blocks.flatMap((child) => blockContent(child, counters)),
      ];
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: plainRuns(block.text) })];
    case 'paragraph':
      return [
        new Paragraph({
          ...(block.tone === 'muted' ? { style: STYLE.muted } : {}),
          children: inlineRuns(block.content),
        }),
      ];
    case 'list': {
      const reference = block.ordered ? LIST.ordered : LIST.bullet;
      const instance = counters.nextList();
      return block.items.map(
        (item) => new Paragraph({ numbering: { reference, level: 0, instance }, children: inlineRuns(item) }),
      );
    }
    case 'table':
      return block.columns.length === 0 ? [] : [dataTable(block.columns, block.rows), spacer()];
    case 'fields':
      return block.items.length === 0 ? [] : [fieldsGrid(block.items), spacer()];
    case 'notice':
      return [new Paragraph({ style: NOTICE_STYLE[block.tone], children: inlineRuns(block.content) })];
    case 'chart':
      return chartParagraphs(block.chart, counters.nextDrawing());
    case 'signatures':
      return signatureBlocks(block.signers);
  }
}

/** An empty paragraph after a table: Word needs one between adjacent tables, and it gives the table air. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, children: [] });
}
