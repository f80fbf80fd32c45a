/**
 * The DOCX document's named styles, page geometry and list numbering.
 *
 * Formatting lives in styles rather than on each paragraph, so a user can restyle the whole document
 * from Word's Styles pane, and the headings are Word's own Heading 1-3 so the navigation pane works.
 */

import type { INumberingOptions, IParagraphStyleOptions, IStylesOptions } from 'docx';
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, ShadingType } from 'docx';

/**
 * Arial: installed with Windows and macOS, and LibreOffice substitutes its metric-compatible
 * Liberation Sans, so lines and pages break the same way in Word and LibreOffice.
 */
export const BODY_FONT = 'Arial';

/** Colors as Word's hex RGB. */
export const PALETTE = {
  ink: '1A1A1A',
  heading: '1F3A5F',
  muted: '5F6368',
  rule: 'A6B4C4',
  gridLine: 'BFC8D2',
  headerFill: 'E3EAF2',
  draft: 'C00000',
  draftFill: 'FBE5E5',
  warning: 'B26A00',
  warningFill: 'FFF4E0',
  info: '2F5F8F',
  infoFill: 'E8F0F8',
} as const;

/** US Letter with 0.75 inch side margins, in twips (1/1440 inch). */
export const PAGE = {
  width: 12240,
  height: 15840,
  margin: 1080,
  // Room below the running header, which is two lines on a draft.
  marginTop: 1368,
  headerDistance: 540,
  footerDistance: 540,
} as const;

/** The width text can take on a page, in twips. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Style ids of the document's own named styles (Word shows the `name` given in `documentStyles`). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  fieldLabel: 'FieldLabel',
  fieldValue: 'FieldValue',
  muted: 'Muted',
  tableHeader: 'TableHeader',
  tableText: 'TableText',
  noticeDraft: 'NoticeDraft',
  noticeWarning: 'NoticeWarning',
  noticeInfo: 'NoticeInfo',
  draftMark: 'DraftMark',
  header: 'Header',
  footer: 'Footer',
  signatureRole: 'SignatureRole',
  signatureLine: 'SignatureLine',
  signatureCaption: 'SignatureCaption',
} as const;

/** Numbering references for the two kinds of list. */
export const LIST = { bullet: 'bullet-list', ordered: 'ordered-list' } as const;

/** Half-points: Word's unit for font sizes. */
const pt = (points: number): number => points * 2;

const noticeStyle = (id: string, name: string, color: string, fill: string): IParagraphStyleOptions => {
  const side = { style: BorderStyle.SINGLE, size: 8, color, space: 6 };
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: {
      border: { top: side, bottom: side, left: side, right: side },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill },
      spacing: { before: 160, after: 200 },
      indent: { left: 120, right: 120 },
      keepLines: true,
    },
  };
};

const paragraphStyles: readonly IParagraphStyleOptions[] = [
  {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: BODY_FONT, size: pt(10), color: PALETTE.ink },
    paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.subtitle,
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(12), color: PALETTE.muted },
    paragraph: { spacing: { after: 240 } },
  },
  {
    id: STYLE.fieldLabel,
    name: 'Field Label',
    basedOn: 'Normal',
    quickFormat: true,
    run: { bold: true, color: PALETTE.muted, size: pt(9) },
    paragraph: { spacing: { before: 20, after: 20 } },
  },
  {
    id: STYLE.fieldValue,
    name: 'Field Value',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { spacing: { before: 20, after: 20 } },
  },
  {
    id: STYLE.muted,
    name: 'Muted',
    basedOn: 'Normal',
    quickFormat: true,
    run: { italics: true, color: PALETTE.muted, size: pt(9) },
  },
  {
    id: STYLE.tableHeader,
    name: 'Table Header',
    basedOn: 'Normal',
    quickFormat: true,
    run: { bold: true, size: pt(9), color: PALETTE.heading },
    paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
  },
  {
    id: STYLE.tableText,
    name: 'Table Text',
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: pt(9) },
    paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
  },
  noticeStyle(STYLE.noticeDraft, 'Notice Draft', PALETTE.draft, PALETTE.draftFill),
  noticeStyle(STYLE.noticeWarning, 'Notice Warning', PALETTE.warning, PALETTE.warningFill),
  noticeStyle(STYLE.noticeInfo, 'Notice Info', PALETTE.info, PALETTE.infoFill),
  {
    id: STYLE.draftMark,
    name: 'Draft Mark',
    basedOn: STYLE.header,
    quickFormat: true,
    run: { bold: true, color: PALETTE.draft, size: pt(10) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
  },
  {
    id: STYLE.header,
    name: 'header',
    basedOn: 'Normal',
    run: { size: pt(8), color: PALETTE.muted },
    paragraph: {
      spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
      rightTabStop: CONTENT_WIDTH,
    },
  },
  {
    id: STYLE.footer,
    name: 'footer',
    basedOn: 'Normal',
    run: { size: pt(8), color: PALETTE.muted },
    paragraph: {
      spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
      rightTabStop: CONTENT_WIDTH,
    },
  },
  {
    id: STYLE.signatureRole,
    name: 'Signature Role',
    basedOn: 'Normal',
    quickFormat: true,
    run: { bold: true, size: pt(9), color: PALETTE.heading, allCaps: true },
    paragraph: { spacing: { before: 60, after: 0 }, keepNext: true, keepLines: true },
  },
  {
    id: STYLE.signatureLine,
    name: 'Signature Line',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: {
      // The space above is where the signature goes; the bottom border is the line signed on.
      spacing: { before: 480, after: 40 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: PALETTE.ink, space: 1 } },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: STYLE.signatureCaption,
    name: 'Signature Caption',
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: pt(9) },
    paragraph: { spacing: { before: 0, after: 0 }, keepLines: true },
  },
];

const heading = (size: number, before: number, after: number, outlineLevel: number) => ({
  run: { font: BODY_FONT, size: pt(size), bold: true, color: PALETTE.heading },
  paragraph: { spacing: { before, after }, keepNext: true, keepLines: true, outlineLevel },
});

/** Every style the document defines: document defaults, Title, Heading 1-3 and the named styles above. */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: BODY_FONT, size: pt(10), language: { value: language } } },
      title: {
        run: { font: BODY_FONT, size: pt(20), bold: true, color: PALETTE.heading },
        paragraph: { spacing: { after: 60 } },
      },
      heading1: {
        ...heading(13, 320, 120, 0),
        paragraph: {
          ...heading(13, 320, 120, 0).paragraph,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: PALETTE.rule, space: 2 } },
        },
      },
      heading2: heading(11, 200, 80, 1),
      heading3: heading(10, 160, 60, 2),
    },
    paragraphStyles,
  };
}

/** The bullet and numbered lists: one level each, indented a quarter inch. */
export const listNumbering: INumberingOptions = {
  config: [
    {
      reference: LIST.bullet,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360, hanging: 240 } } },
        },
      ],
    },
    {
      reference: LIST.ordered,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360, hanging: 300 } } },
        },
      ],
    },
  ],
};
