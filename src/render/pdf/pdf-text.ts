/**
 * Text as the PDF can show it. The PDF draws each character with a glyph of the embedded font, so
 * text in a form the font has no glyph for would print as empty boxes (and break PDF/A):
 * - decomposed letters (e + combining circumflex + combining tilde, as macOS often writes them) are
 *   composed (NFC) into the letters Roboto has;
 * - invisible format characters (zero-width joiners, direction marks, variation selectors, ...)
 *   are dropped: they change nothing a reader of a PDF sees;
 * - the Unicode line and paragraph separators and NEL become line breaks;
 * - characters that Roboto draws with the glyph of another are written as that other: the
 *   increment sign as Δ, the ligatures ﬁ ﬂ ﬃ ﬄ as their letters (shaping joins them again). fontkit
 *   gives a glyph the characters it was first reached from and the PDF's text layer says so; with
 *   faces shared across documents, one record would otherwise decide how another's text copies.
 * DOCX and HTML carry the text exactly as written; only the PDF needs this.
 */
import type { Block, DocumentTree, Inline } from '../../compose/tree.js';

const LINE_BREAKS = /[\u0085\u2028\u2029]/g;
// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties), less the controls the loader refuses.
const IGNORABLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: it lists combining code points (variation selectors, U+034F) one by one on purpose, to remove them.
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|\uDB40[\uDC00-\uDFFF]/g;

/** Characters Roboto draws with another's glyph, and what they are written as (NFC covers Ω). */
const SAME_GLYPH_AS: Readonly<Record<string, string>> = {
  '\u2206': '\u0394',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
};
const SAME_GLYPH = new RegExp(`[${Object.keys(SAME_GLYPH_AS).join('')}]`, 'g');

/** One text as the PDF shows it. */
export function toPdfText(text: string): string {
  return text
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(IGNORABLE, '')
    .replace(SAME_GLYPH, (char) => SAME_GLYPH_AS[char] ?? char);
}

const inline = (content: Inline): Inline => content.map((run) => ({ ...run, text: toPdfText(run.text) }));

function block(b: Block): Block {
  switch (b.kind) {
    case 'section':
      return { ...b, title: toPdfText(b.title), blocks: b.blocks.map(block) };
    case 'heading':
      return { ...b, text: toPdfText(b.text) };
    case 'paragraph':
    case 'notice':
      return { ...b, content: inline(b.content) };
    case 'list':
      return { ...b, items: b.items.map(inline) };
    case 'table':
      return {
        ...b,
        columns: b.columns.map((c) => ({ ...c, header: toPdfText(c.header) })),
        rows: b.rows.map((row) => row.map(inline)),
      };
    case 'fields':
      return { ...b, items: b.items.map((f) => ({ label: toPdfText(f.label), value: toPdfText(f.value) })) };
    case 'signatures':
      return {
        ...b,
        signers: b.signers.map((s) => ({
          ...s,
          name: toPdfText(s.name),
          roleLabel: toPdfText(s.roleLabel),
          ...(s.credentials !== undefined ? { credentials: toPdfText(s.credentials) } : {}),
        })),
      };
    case 'chart':
      return b;
  }
}

/** The whole tree with every text as the PDF shows it. */
export function treeForPdf(tree: DocumentTree): DocumentTree {
  return {
    ...tree,
    title: toPdfText(tree.title),
    ...(tree.subtitle !== undefined ? { subtitle: toPdfText(tree.subtitle) } : {}),
    header: {
      patientName: toPdfText(tree.header.patientName),
      dob: toPdfText(tree.header.dob),
      recordNumber: toPdfText(tree.header.recordNumber),
      organization: toPdfText(tree.header.organization),
    },
    blocks: tree.blocks.map(block),
  };
}
