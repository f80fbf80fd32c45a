/**
 * What surrounds the body on every page: the running header (who the document is about), the
 * footer (which document, which page), the draft watermark, and the file's metadata.
 */
import type { Content, DynamicContent, TDocumentInformation, Watermark } from 'pdfmake/interfaces.js';
import type { DocumentTree } from '../../compose/tree.js';
import { COLOR, CONTENT_WIDTH, PAGE } from './page-style.js';

/** The words every page of a draft carries, in the header and as a watermark. */
export const DRAFT_MARK = 'DRAFT — NOT READY FOR SIGNATURE';

// Fixed column widths throughout: pdfmake widens '*' and 'auto' columns to fit a long unbroken
// word, pushing text past the margin; a fixed width makes it wrap instead.
const HEADER_GAP = 18;
const HEADER_COLUMN_WIDTH = (CONTENT_WIDTH - HEADER_GAP) / 2;
const PAGE_NUMBER_WIDTH = 90;

/** The name written as the PDF's Creator and Producer. */
export const PRODUCER = 'goldthread';

/** The running header: patient, date of birth and record number on the left, organization and title on the right. */
export function runningHeader(tree: DocumentTree): Content {
  const { header } = tree;
  const label = (text: string) => ({ text, color: COLOR.faint });
  const stack: Content[] = [];
  if (tree.draft) {
    stack.push({ text: DRAFT_MARK, style: 'draftMark', alignment: 'center', margin: [0, 0, 0, 5] });
  }
  stack.push(
    {
      columns: [
        {
          width: HEADER_COLUMN_WIDTH,
          stack: [
            { text: header.patientName, style: 'runningHeaderStrong' },
            { text: [label('DOB '), header.dob, label('    MRN '), header.recordNumber], style: 'runningHeader' },
          ],
        },
        {
          width: HEADER_COLUMN_WIDTH,
          alignment: 'right',
          stack: [
            { text: header.organization, style: 'runningHeaderStrong' },
            { text: tree.title, style: 'runningHeader' },
          ],
        },
      ],
      columnGap: HEADER_GAP,
    },
    rule(5, COLOR.rule),
  );
  return { stack, margin: [PAGE.margins.left, tree.draft ? 24 : 34, PAGE.margins.right, 0] };
}

/** The running footer: document id and version on the left, "Page X of Y" on the right. */
export function runningFooter(tree: DocumentTree): DynamicContent {
  const identity = `${tree.documentId} · ${tree.version}`;
  return (currentPage, pageCount) => ({
    margin: [PAGE.margins.left, 16, PAGE.margins.right, 0],
    stack: [
      rule(0, COLOR.rule),
      {
        margin: [0, 5, 0, 0],
        columns: [
          { width: CONTENT_WIDTH - PAGE_NUMBER_WIDTH, text: identity, style: 'runningFooter' },
          {
            width: PAGE_NUMBER_WIDTH,
            text: `Page ${currentPage} of ${pageCount}`,
            style: 'runningFooter',
            alignment: 'right',
          },
        ],
      },
    ],
  });
}

/** The diagonal draft watermark: faint enough to read through, plain enough to be unmistakable. */
export function draftWatermark(): Watermark {
  return { text: DRAFT_MARK, color: COLOR.draft, opacity: 0.09, bold: true, fontSize: 40 };
}

/**
 * The file's metadata, fixed by the tree: creation and modification dates are the document's
 * date at UTC midnight, never the time of rendering, so output is byte-identical run to run.
 */
export function documentInfo(tree: DocumentTree): TDocumentInformation {
  const dated = utcMidnight(tree.meta.date);
  return {
    title: tree.meta.title,
    author: tree.meta.author,
    subject: tree.meta.subject,
    keywords: tree.meta.keywords.join(', '),
    creator: PRODUCER,
    producer: PRODUCER,
    creationDate: dated,
    modDate: dated,
  };
}

/** An ISO `YYYY-MM-DD` date as a Date at 00:00 UTC. */
export function utcMidnight(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (date === null || date.toISOString().slice(0, 10) !== isoDate) {
    throw new Error('PDF renderer: meta.date is not a calendar date in YYYY-MM-DD form.');
  }
  return date;
}

function rule(y: number, color: string): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: y, x2: CONTENT_WIDTH, y2: y, lineWidth: 0.5, lineColor: color }] };
}
