/**
 * Signer blocks: role, a line to sign on with the printed name and credentials under it, and a
 * date line (filled in once signed). Each block is unbreakable, so it never splits across pages
 * (short of names so long the block could not fit on a page: see `keep-whole.ts`).
 *
 * Where a signature line lands: the printed name under each line carries the id
 * `signature-<role>`, which pdfmake writes as a PDF named destination at the name's top-left
 * corner, on the right page, after layout. The line itself is `SIGNATURE_LINE.gap` points above
 * that point and `signatureLineWidth` points long, so a later step (pdf-lib) can place a signature
 * field on it by reading the destination.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Signer } from '../../compose/tree.js';
import { estimatedTextHeight, mayKeepWhole } from './keep-whole.js';
import { COLOR, CONTENT_WIDTH, FONT_SIZE } from './page-style.js';

/** Geometry of a signer block, in points. */
export const SIGNATURE_LINE = {
  /** Room above the line for a handwritten or drawn signature. */
  height: 30,
  /** Width of the date column. */
  dateWidth: 150,
  /** Space between the signature and the date columns. */
  columnGap: 28,
  /** Distance from the line down to the printed name (the named destination's point). */
  gap: 3,
} as const;

/** Length of each signature line. */
export const signatureLineWidth = CONTENT_WIDTH - SIGNATURE_LINE.dateWidth - SIGNATURE_LINE.columnGap;

/** The named destination that marks where a signer's line is: `signature-<role>`, numbered if a role repeats. */
export function signatureAnchorIds(signers: readonly Signer[]): string[] {
  const seen = new Map<string, number>();
  return signers.map((signer) => {
    const slug = signer.role.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'signer';
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? `signature-${slug}` : `signature-${slug}-${count}`;
  });
}

/** All signers' blocks, in order, each kept whole on one page. */
export function signatureBlocks(signers: readonly Signer[]): Content[] {
  const ids = signatureAnchorIds(signers);
  return signers.map((signer, index) => signerBlock(signer, ids[index] as string));
}

function signerBlock(signer: Signer, anchorId: string): Content {
  const printedName = signer.credentials ? `${signer.name}, ${signer.credentials}` : signer.name;
  const height =
    estimatedTextHeight(signer.roleLabel, CONTENT_WIDTH, FONT_SIZE.signerRole) +
    SIGNATURE_LINE.height +
    SIGNATURE_LINE.gap +
    estimatedTextHeight(printedName, signatureLineWidth, FONT_SIZE.signerName) +
    estimatedTextHeight('Signature', signatureLineWidth, FONT_SIZE.signerHint);
  return {
    // Never split, unless absurdly long names would make it too tall for a page.
    unbreakable: mayKeepWhole(height),
    margin: [0, 8, 0, 10],
    stack: [
      { text: signer.roleLabel, style: 'signerRole' },
      {
        columnGap: SIGNATURE_LINE.columnGap,
        columns: [
          {
            width: signatureLineWidth,
            stack: [
              ruleAt(SIGNATURE_LINE.height, signatureLineWidth),
              { text: printedName, style: 'signerName', id: anchorId, margin: [0, SIGNATURE_LINE.gap, 0, 0] },
              { text: 'Signature', style: 'signerHint' },
            ],
          },
          {
            width: SIGNATURE_LINE.dateWidth,
            stack: [
              // The date is written on its line, as by hand; placed off the flow so both lines align.
              ...(signer.signedOn
                ? [
                    {
                      text: signer.signedOn,
                      style: 'signerName',
                      relativePosition: { x: 2, y: SIGNATURE_LINE.height - 13 },
                    },
                  ]
                : []),
              ruleAt(SIGNATURE_LINE.height, SIGNATURE_LINE.dateWidth),
              { text: 'Date', style: 'signerHint', margin: [0, SIGNATURE_LINE.gap, 0, 0] },
            ],
          },
        ],
      },
    ],
  };
}

/** A horizontal rule drawn `y` points below the top of its own box. */
function ruleAt(y: number, width: number): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.75, lineColor: COLOR.ink }],
  };
}
