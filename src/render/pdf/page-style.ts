/**
 * The PDF's look in one place: page geometry, colours and pdfmake named styles.
 *
 * US Letter, because the documents go to US payers. A restrained palette: near-black text, one
 * dark blue for headings, greys for labels and rules, red only for draft marks.
 */
import type { StyleDictionary } from 'pdfmake/interfaces.js';

/** The font family every style uses (registered by `fonts.ts`). */
export const FONT_FAMILY = 'Roboto';

/** US Letter in points, with room above and below the body for the running header and footer. */
export const PAGE = {
  size: 'LETTER',
  width: 612,
  height: 792,
  margins: { left: 54, top: 86, right: 54, bottom: 58 },
} as const;

/** The width of the body text column. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;

/** Colours, named for what they are used for. */
export const COLOR = {
  ink: '#1E242B',
  muted: '#5F6873',
  faint: '#8A939E',
  heading: '#1F3A5F',
  rule: '#CDD3DA',
  ruleStrong: '#9AA5B1',
  headerFill: '#EDF1F5',
  zebraFill: '#F7F9FA',
  draft: '#B3261E',
  draftFill: '#FCEDEB',
  warning: '#8A5A00',
  warningBorder: '#D9A441',
  warningFill: '#FFF7E6',
  info: '#1F4E79',
  infoBorder: '#7FA3C7',
  infoFill: '#EEF4FA',
} as const;

/** Font sizes the layout estimates depend on. */
export const FONT_SIZE = {
  body: 9.5,
  tableHeader: 8,
  tableCell: 8.75,
  fieldLabel: 7.5,
  fieldValue: 9.5,
  signerRole: 7.5,
  signerName: 9.5,
  signerHint: 7.5,
} as const;

/** pdfmake named styles; blocks refer to these by name. */
export const STYLES: StyleDictionary = {
  title: { fontSize: 19, bold: true, color: COLOR.heading, lineHeight: 1.1 },
  subtitle: { fontSize: 11, color: COLOR.muted, margin: [0, 3, 0, 0] },
  sectionTitle: { fontSize: 12.5, bold: true, color: COLOR.heading, margin: [0, 16, 0, 0] },
  heading2: { fontSize: 10.5, bold: true, color: COLOR.ink, margin: [0, 10, 0, 4] },
  heading3: { fontSize: 9.5, bold: true, color: COLOR.muted, margin: [0, 8, 0, 3] },
  paragraph: { margin: [0, 0, 0, 6] },
  muted: { color: COLOR.muted },
  tableHeader: { fontSize: FONT_SIZE.tableHeader, bold: true, color: COLOR.muted },
  tableCell: { fontSize: FONT_SIZE.tableCell },
  fieldLabel: { fontSize: FONT_SIZE.fieldLabel, color: COLOR.muted, characterSpacing: 0.3 },
  fieldValue: { fontSize: FONT_SIZE.fieldValue },
  caption: { fontSize: 9, bold: true, color: COLOR.ink, margin: [0, 8, 0, 4] },
  signerRole: { fontSize: FONT_SIZE.signerRole, bold: true, color: COLOR.muted, characterSpacing: 0.4 },
  signerName: { fontSize: FONT_SIZE.signerName },
  signerHint: { fontSize: FONT_SIZE.signerHint, color: COLOR.faint },
  runningHeader: { fontSize: 8, color: COLOR.muted },
  runningHeaderStrong: { fontSize: 9, bold: true, color: COLOR.ink },
  draftMark: { fontSize: 8, bold: true, color: COLOR.draft, characterSpacing: 0.6 },
  runningFooter: { fontSize: 7.5, color: COLOR.faint },
};

/** The style every text starts from. */
export const DEFAULT_STYLE = {
  font: FONT_FAMILY,
  fontSize: FONT_SIZE.body,
  lineHeight: 1.25,
  color: COLOR.ink,
} as const;
