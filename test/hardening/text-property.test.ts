import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textProblem } from '../../src/model/scalars.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { toPdfText } from '../../src/render/pdf/pdf-text.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { compose, htmlEscaped, looksLikeCompletePdf, paragraphHolds, pdfTexts, readDocx } from './documents.js';
import { exampleData, getAt, loadData, pathText, SHOWN_TEXT_FIELDS, setAt } from './record-data.js';

/** Characters that stress escaping and layout, mixed into generated strings. */
const TRICKY = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '=',
  '{',
  '}',
  '\\',
  '/',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\u0301',
  '👩',
  '\u{1F3FD}',
  'א',
  'ع',
  'a',
  '&amp;',
  '&#x3C;',
  '{{x}}',
  ']]>',
  '<w:br/>',
  '<p>',
] as const;

/** Any Unicode text a record may hold: the loader's own rule, and not blank. */
const legalText = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...TRICKY), minLength: 1, maxLength: 30 }),
  )
  .filter((s) => textProblem(s) === undefined && s.trim() !== '');

const field = fc.constantFrom(...SHOWN_TEXT_FIELDS);

/** What the loader keeps of a text: trimmed, line breaks as LF. */
const asLoaded = (s: string) => s.trim().replace(/\r\n?/g, '\n');

async function composed(value: string, fieldIndex: (typeof SHOWN_TEXT_FIELDS)[number]) {
  const data = exampleData();
  setAt(data, fieldIndex.path, value);
  const record = loadData(data);
  const kept = getAt(record.data, fieldIndex.path);
  expect(kept, `${pathText(fieldIndex.path)} loads as written`).toBe(asLoaded(value));
  return { text: asLoaded(value), tree: await compose(record, fieldIndex.shownIn) };
}

describe('any legal text in any shown field comes out literally', () => {
  it('in the HTML (escaped) and in the PDF definition', async () => {
    await fc.assert(
      fc.asyncProperty(legalText, field, async (value, where) => {
        const { text, tree } = await composed(value, where);
        const html = renderHtml(tree);
        expect(html.includes(htmlEscaped(text)), `HTML holds ${pathText(where.path)}`).toBe(true);
        expect(
          pdfTexts(tree).some((t) => t.includes(toPdfText(text))),
          `PDF definition holds ${pathText(where.path)}`,
        ).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('in well-formed DOCX XML and a complete PDF file', async () => {
    await fc.assert(
      fc.asyncProperty(legalText, field, async (value, where) => {
        const { text, tree } = await composed(value, where);
        const { body } = readDocx(await renderDocx(tree));
        expect(body.problems, 'word/document.xml is well-formed').toEqual([]);
        expect(paragraphHolds(body, text), `a DOCX paragraph holds ${pathText(where.path)}`).toBe(true);
        expect(looksLikeCompletePdf(await renderPdf(tree))).toBe(true);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
