/**
 * The document tree as a pdfmake document definition: the PDF renderer's intermediate form,
 * built without touching fonts or files so it can be tested on its own.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { DocumentTree } from '../../compose/tree.js';
import { bodyContent } from './body-blocks.js';
import { keepHeadingsWithFollowers, linkHeadingsToFollowers } from './keep-with-next.js';
import { documentInfo, draftWatermark, runningFooter, runningHeader } from './page-frame.js';
import { COLOR, CONTENT_WIDTH, DEFAULT_STYLE, PAGE, STYLES } from './page-style.js';
import { treeForPdf } from './pdf-text.js';
import { withResolvedTextStyles } from './resolved-styles.js';

/**
 * A fresh pdfmake document definition for the tree. pdfmake mutates the definition it is given,
 * so build a new one for every render. Each text node carries its effective style (see
 * `resolved-styles.ts`), which spares pdfmake most of its per-word style look-ups.
 */
export function toDocDefinition(source: DocumentTree): TDocumentDefinitions {
  const tree = treeForPdf(source);
  const content: Content[] = [titleBlock(tree), ...bodyContent(tree.blocks)];
  const headingLinks = linkHeadingsToFollowers(content);
  const definition: TDocumentDefinitions = {
    pageSize: PAGE.size,
    pageMargins: [PAGE.margins.left, PAGE.margins.top, PAGE.margins.right, PAGE.margins.bottom],
    version: '1.7',
    language: tree.meta.language,
    displayTitle: true,
    info: documentInfo(tree),
    header: () => runningHeader(tree),
    footer: runningFooter(tree),
    content,
    styles: STYLES,
    defaultStyle: { ...DEFAULT_STYLE },
    pageBreakBefore: keepHeadingsWithFollowers(headingLinks),
  };
  if (tree.draft) definition.watermark = draftWatermark();
  return withResolvedTextStyles(definition);
}

/** The first page's title, subtitle and a heavier rule under them. */
function titleBlock(tree: DocumentTree): Content {
  const stack: Content[] = [{ text: tree.title, style: 'title' }];
  if (tree.subtitle !== undefined && tree.subtitle !== '') stack.push({ text: tree.subtitle, style: 'subtitle' });
  stack.push({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: COLOR.heading }],
    margin: [0, 8, 0, 4],
  });
  return { stack, margin: [0, 0, 0, 4] };
}
