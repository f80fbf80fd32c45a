/**
 * Signer blocks: each a one-row table whose row cannot split, so a signer's label, line and date
 * always land on the same page.
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Signer } from '../../compose/tree.js';
import { plainRuns } from './inline.js';
import { CONTENT_WIDTH, STYLE } from './styles.js';
import { columnTwips, NO_BORDERS } from './tables.js';

// Narrower than the page: a signature line the full width of the page looks like a rule, not a line to sign on.
const SIGNER_WIDTH = Math.round(CONTENT_WIDTH * 0.8);

/** The signer's printed name with credentials ("Alex Rivera, LCSW"). */
export function printedName(signer: Signer): string {
  return signer.credentials ? `${signer.name}, ${signer.credentials}` : signer.name;
}

function column(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 240 },
  });
}

/** One signer: role, a line to sign on above the printed name, and a date line (filled in once signed). */
export function signerBlock(signer: Signer): Table {
  const [nameWidth = 0, dateWidth = 0] = columnTwips([5, 2.4], SIGNER_WIDTH);
  const signatureColumn = column(
    [
      new Paragraph({ style: STYLE.signatureRole, children: plainRuns(signer.roleLabel) }),
      new Paragraph({ style: STYLE.signatureLine, children: [] }),
      new Paragraph({ style: STYLE.signatureCaption, children: plainRuns(printedName(signer), { bold: true }) }),
      new Paragraph({ style: STYLE.signatureCaption, children: plainRuns('Signature') }),
    ],
    nameWidth,
  );
  const dateColumn = column(
    [
      new Paragraph({ style: STYLE.signatureRole, children: [] }),
      new Paragraph({ style: STYLE.signatureLine, children: plainRuns(signer.signedOn ?? '') }),
      new Paragraph({ style: STYLE.signatureCaption, children: plainRuns('Date') }),
    ],
    dateWidth,
  );
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: [signatureColumn, dateColumn] })],
    width: { size: SIGNER_WIDTH, type: WidthType.DXA },
    columnWidths: [nameWidth, dateWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** Every signer's block, separated by a small gap so adjacent tables don't merge into one. */
export function signatureBlocks(signers: readonly Signer[]): (Table | Paragraph)[] {
  return signers.flatMap((signer) => [
    signerBlock(signer),
    new Paragraph({ style: STYLE.signatureCaption, children: [] }),
  ]);
}
