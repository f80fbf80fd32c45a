/**
 * Tables and field grids: the tree's `table` and `fields` blocks as pdfmake tables.
 */
import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { Column, Inline } from '../../compose/tree.js';
import { inlineFragments } from './inline-text.js';
import { estimatedTextHeight, inlinePlainText, mayKeepWhole } from './keep-whole.js';
import { COLOR, CONTENT_WIDTH, FONT_SIZE } from './page-style.js';

const CELL_PADDING_X = 5;
const ROW_PADDING_Y = 9;
const FIELD_GAP = 12;
const FIELD_ROW_GAP = 7;

/** Light horizontal rules, a shaded header row and a faint zebra; no vertical lines. */
const DATA_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 ? 0 : i === 1 || i === node.table.body.length ? 0.75 : 0.5),
  hLineColor: (i, node) => (i === 1 || i === node.table.body.length ? COLOR.ruleStrong : COLOR.rule),
  vLineWidth: () => 0,
  fillColor: (rowIndex) => (rowIndex === 0 ? COLOR.headerFill : rowIndex % 2 === 0 ? COLOR.zebraFill : null),
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: (i) => (i === 0 ? 4 : ROW_PADDING_Y / 2),
  paddingBottom: (i) => (i === 0 ? 3.5 : ROW_PADDING_Y / 2),
};

const FIELD_GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : FIELD_GAP),
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => FIELD_ROW_GAP,
};

/**
 * Column widths in points from the columns' relative weights, so that the table with its cell
 * padding fills the text column exactly (pdfmake's '*' shares space equally, not by weight).
 */
export function columnWidths(columns: readonly Column[], totalWidth = CONTENT_WIDTH): number[] {
  const available = totalWidth - columns.length * 2 * CELL_PADDING_X;
  const weights = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? weights.map((w) => w / sum) : weights.map(() => 1 / columns.length);
  return shares.map((share) => Math.floor(available * share * 100) / 100);
}

/**
 * A data table: the header row repeats on every page and no row splits across pages, unless a
 * row may be too tall for a page, in which case rows may split rather than be lost.
 */
export function dataTable(columns: readonly Column[], rows: readonly (readonly Inline[])[]): ContentTable {
  if (columns.length === 0) throw new Error('PDF renderer: a table block has no columns.');
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new Error(
        `PDF renderer: table row ${index + 1} has ${row.length} cells but the table has ${columns.length} columns.`,
      );
    }
  });
  const widths = columnWidths(columns);
  const rowFits = rows.map((row) =>
    mayKeepWhole(
      ROW_PADDING_Y +
        Math.max(
          ...row.map((cell, i) => estimatedTextHeight(inlinePlainText(cell), widths[i] ?? 0, FONT_SIZE.tableCell)),
        ),
    ),
  );
  const header: TableCell[] = columns.map((column) => ({
    text: column.header,
    style: 'tableHeader',
    alignment: column.align ?? 'left',
  }));
  const body: TableCell[][] = rows.map((row) =>
    row.map((cell, i) => ({ text: inlineFragments(cell), style: 'tableCell', alignment: columns[i]?.align ?? 'left' })),
  );
  return {
    table: {
      headerRows: 1,
      // Keep the header with the first row so a page never ends on a bare header.
      ...(rowFits[0] === true ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: rowFits.every(Boolean),
      widths,
      body: [header, ...body],
    },
    layout: DATA_TABLE_LAYOUT,
    margin: [0, 2, 0, 10],
  };
}

/** Label/value pairs in a two-column grid: each cell a small muted label over its value. */
export function fieldGrid(items: readonly { readonly label: string; readonly value: string }[]): Content {
  if (items.length === 0) return [];
  const half = (CONTENT_WIDTH - FIELD_GAP) / 2;
  const cells: TableCell[] = items.map((item) => ({
    stack: [
      { text: item.label, style: 'fieldLabel' },
      { text: item.value, style: 'fieldValue' },
    ],
  }));
  const heights = items.map(
    (item) =>
      estimatedTextHeight(item.label, half, FONT_SIZE.fieldLabel) +
      estimatedTextHeight(item.value, half, FONT_SIZE.fieldValue),
  );
  const body: TableCell[][] = [];
  let rowsFit = true;
  for (let i = 0; i < cells.length; i += 2) {
    body.push([cells[i] as TableCell, cells[i + 1] ?? { text: '' }]);
    rowsFit &&= mayKeepWhole(FIELD_ROW_GAP + Math.max(heights[i] ?? 0, heights[i + 1] ?? 0));
  }
  return {
    table: { dontBreakRows: rowsFit, widths: [half, half], body },
    layout: FIELD_GRID_LAYOUT,
    margin: [0, 2, 0, 6],
  };
}
