/**
 * The running page header (who the document is about, and the draft mark) and footer (document id,
 * version and "Page X of Y" from Word's own PAGE and NUMPAGES fields).
 */
import { BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TextRun } from 'docx';
import type { DocumentTree } from '../../compose/tree.js';
import { DRAFT_MARK } from './draft.js';
import { plainRuns } from './inline.js';
import { PALETTE, STYLE } from './styles.js';

const rule = { style: BorderStyle.SINGLE, size: 4, color: PALETTE.rule, space: 4 } as const;

/** The header on every page: the draft mark when a draft, then patient, DOB, record number and organization. */
export function pageHeader(tree: DocumentTree): Header {
  const { patientName, dob, recordNumber, organization } = tree.header;
  const identity = new Paragraph({
    style: STYLE.header,
    border: { bottom: rule },
    children: [
      ...plainRuns(patientName, { bold: true }),
      ...plainRuns(`   DOB ${dob}   Record ${recordNumber}`),
      new TextRun({ children: [new Tab()] }),
      ...plainRuns(organization),
    ],
  });
  const draftMark = new Paragraph({ style: STYLE.draftMark, children: plainRuns(DRAFT_MARK) });
  return new Header({ children: tree.draft ? [draftMark, identity] : [identity] });
}

/** The footer on every page: document id and version on the left, "Page X of Y" on the right. */
export function pageFooter(tree: DocumentTree): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        border: { top: rule },
        children: [
          ...plainRuns(`${tree.documentId} \u00b7 ${tree.version}`),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}
