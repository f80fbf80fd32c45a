/**
 * Table blocks and label/value field grids as Word tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Column, Inline } from '../../compose/tree.js';
import { inlineRuns, plainRuns } from './inline.js';
import { CONTENT_WIDTH, PALETTE, STYLE } from './styles.js';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 } as const;

/** Column weights as twip widths that add up to the text width. */
export function columnTwips(weights: readonly number[], total = CONTENT_WIDTH): number[] {
  const sum = weights.reduce((acc, weight) => acc + Math.max(weight, 0), 0);
  if (sum <= 0) return weights.map(() => Math.floor(total / weights.length));
  const widths = weights.map((weight) => Math.floor((total * Math.max(weight, 0)) / sum));
  // Rounding leaves a few twips over; the last column takes them so the table spans the page exactly.
  widths[widths.length - 1] += total - widths.reduce((acc, width) => acc + width, 0);
  return widths;
}

/** The same border on every side and between every cell. */
const allBorders = <Side>(side: Side) => ({
  top: side,
  bottom: side,
  left: side,
  right: side,
  insideHorizontal: side,
  insideVertical: side,
});

const GRID_BORDERS = allBorders({ style: BorderStyle.SINGLE, size: 4, color: PALETTE.gridLine });

/** No borders at all: for tables used only for layout. */
export const NO_BORDERS = allBorders({ style: BorderStyle.NONE, size: 0, color: 'auto' });

function cell(paragraph: Paragraph, width: number, fill?: string): TableCell {
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.TOP,
    ...(fill === undefined ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill } }),
  });
}

/**
 * A data table: a shaded header row that Word repeats at the top of every page, and body rows that
 * never split across pages.
 */
export function dataTable(columns: readonly Column[], rows: readonly (readonly Inline[])[]): Table {
  const widths = columnTwips(columns.map((column) => column.width));
  const alignmentOf = (index: number) => ALIGNMENT[columns[index]?.align ?? 'left'];
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) =>
      cell(
        new Paragraph({ style: STYLE.tableHeader, alignment: alignmentOf(index), children: plainRuns(column.header) }),
        widths[index] ?? 0,
        PALETTE.headerFill,
      ),
    ),
  });
  const bodyRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((_, index) =>
          cell(
            new Paragraph({
              style: STYLE.tableText,
              alignment: alignmentOf(index),
              children: inlineRuns(row[index] ?? []),
            }),
            widths[index] ?? 0,
          ),
        ),
      }),
  );
  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
  });
}

/** Label/value pairs as a borderless two-column table: labels on the left, values on the right. */
export function fieldsGrid(items: readonly { readonly label: string; readonly value: string }[]): Table {
  const widths = columnTwips([1, 2.6]);
  const rows = items.map(
    (item) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(new Paragraph({ style: STYLE.fieldLabel, children: plainRuns(item.label) }), widths[0] ?? 0),
          cell(new Paragraph({ style: STYLE.fieldValue, children: plainRuns(item.value) }), widths[1] ?? 0),
        ],
      }),
  );
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}
