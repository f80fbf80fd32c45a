/**
 * The document body: each block of the tree as pdfmake content.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Block, Inline } from '../../compose/tree.js';
import { chartContent } from './chart-block.js';
import { inlineFragments, inlineText } from './inline-text.js';
import { estimatedTextHeight, inlinePlainText, mayKeepWhole } from './keep-whole.js';
import { COLOR, CONTENT_WIDTH, FONT_SIZE } from './page-style.js';
import { signatureBlocks } from './signature-blocks.js';
import { dataTable, fieldGrid } from './table-blocks.js';

/** Headline levels, used by the keep-with-next rule and nothing else. */
const LEVEL = { section: 1, heading2: 2, heading3: 3, caption: 3 } as const;

/** The blocks in order as pdfmake content; `parentSection` is the id of the section they sit in. */
export function bodyContent(blocks: readonly Block[], parentSection?: string): Content[] {
  return blocks.map((block) => blockContent(block, parentSection));
}

function blockContent(block: Block, parentSection: string | undefined): Content {
  switch (block.kind) {
    case 'section':
      return sectionContent(block.id, block.title, block.blocks, parentSection);
    case 'heading':
      return {
        text: block.text,
        style: block.level === 2 ? 'heading2' : 'heading3',
        headlineLevel: block.level === 2 ? LEVEL.heading2 : LEVEL.heading3,
      };
    case 'paragraph':
      return inlineText(block.content, block.tone === 'muted' ? ['paragraph', 'muted'] : 'paragraph');
    case 'list':
      return listContent(block.ordered, block.items);
    case 'table':
      return dataTable(block.columns, block.rows);
    case 'fields':
      return fieldGrid(block.items);
    case 'notice':
      return noticeContent(block.tone, block.content);
    case 'chart':
      return chartContent(block.chart, LEVEL.caption);
    case 'signatures':
      return signatureBlocks(block.signers);
  }
}

/**
 * A section: its title (a bookmark in the PDF outline) over a rule, then its blocks. A section
 * inside another is titled like a level-2 heading and nests under its parent's bookmark.
 */
function sectionContent(id: string, title: string, blocks: readonly Block[], parent: string | undefined): Content {
  const anchor = `section-${id}`;
  if (parent !== undefined) {
    return [
      {
        text: title,
        style: 'heading2',
        headlineLevel: LEVEL.heading2,
        outline: true,
        outlineParentId: parent,
        id: anchor,
      },
      ...bodyContent(blocks, anchor),
    ];
  }
  return [
    { text: title, style: 'sectionTitle', headlineLevel: LEVEL.section, outline: true, id: anchor },
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.75, lineColor: COLOR.ruleStrong }],
      margin: [0, 3, 0, 7],
    },
    ...bodyContent(blocks, anchor),
  ];
}

function listContent(ordered: boolean, items: readonly Inline[]): Content {
  const entries = items.map((item) => ({
    text: inlineFragments(item),
    margin: [0, 0, 0, 2] as [number, number, number, number],
  }));
  return ordered
    ? { ol: entries, markerColor: COLOR.muted, margin: [4, 0, 0, 6] }
    : { ul: entries, markerColor: COLOR.muted, margin: [4, 0, 0, 6] };
}

const NOTICE_BAR = 3;
const NOTICE_BORDER = 0.75;
const NOTICE_PADDING_X = 9;
const NOTICE_PADDING_Y = 6;

const NOTICE_TONES = {
  draft: { text: COLOR.draft, border: COLOR.draft, fill: COLOR.draftFill },
  warning: { text: COLOR.warning, border: COLOR.warningBorder, fill: COLOR.warningFill },
  info: { text: COLOR.info, border: COLOR.infoBorder, fill: COLOR.infoFill },
} as const;

/** A boxed notice: tinted fill, a thin border and a heavier bar on the left. */
function noticeContent(tone: keyof typeof NOTICE_TONES, content: Inline): Content {
  const colors = NOTICE_TONES[tone];
  const width = CONTENT_WIDTH - NOTICE_PADDING_X * 2 - NOTICE_BAR - NOTICE_BORDER;
  return {
    table: {
      // A fixed width: pdfmake widens '*' columns to fit a long unbroken word, past the margin.
      widths: [width],
      // Whole on one page unless it may be too tall for one.
      dontBreakRows: mayKeepWhole(
        estimatedTextHeight(inlinePlainText(content), width, FONT_SIZE.body) + 2 * NOTICE_PADDING_Y,
      ),
      body: [[{ text: inlineFragments(content), color: colors.text, fillColor: colors.fill }]],
    },
    layout: {
      hLineWidth: () => NOTICE_BORDER,
      vLineWidth: (i) => (i === 0 ? NOTICE_BAR : NOTICE_BORDER),
      hLineColor: () => colors.border,
      vLineColor: () => colors.border,
      paddingLeft: () => NOTICE_PADDING_X,
      paddingRight: () => NOTICE_PADDING_X,
      paddingTop: () => NOTICE_PADDING_Y,
      paddingBottom: () => NOTICE_PADDING_Y,
    },
    margin: [0, 2, 0, 10],
  };
}
