import { describe, expect, it } from 'vitest';
import { unshowableCount, unshowableFields } from '../../src/render/pdf/glyph-coverage.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { compose, drawnText } from './documents.js';
import { exampleData, loadData, setAt } from './record-data.js';

/**
 * The PDF shows text in the embedded Roboto. A character the font has no glyph for is drawn as
 * glyph 0, .notdef: an empty box where the patient's text should be. DOCX and HTML leave the
 * choice of font to the reader's application, which falls back to another font; the PDF cannot.
 */
async function boxesFor(text: string): Promise<number> {
  const data = exampleData();
  setAt(data, ['goals', 0, 'statement'], text);
  return drawnText(await renderPdf(await compose(loadData(data)))).notdef;
}

/** Boxes drawn for each text, rendered one at a time. */
async function boxesEach(texts: Readonly<Record<string, string>>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, text] of Object.entries(texts)) out[name] = await boxesFor(text);
  return out;
}

describe('the PDF draws every character of the record with a real glyph', () => {
  it('Latin, Greek and Cyrillic names with diacritics, and invisible characters pdfmake handles', async () => {
    const names = 'Nguyễn Đặng Łódź Müller Ørsted Şahin Dvořák Ελένη Наталья Café Zoë';
    const invisible = 'zero\u200bwidth space, soft\u00adhyphen, no\u00a0break, byte\ufefforder mark, tab\there';
    expect(await boxesFor(`${names}; ${invisible}; combining e\u0301 acute`)).toBe(0);
  });

  // Bug: a name typed on macOS often arrives decomposed (NFD). Roboto has "ễ" but not the
  // sequence e + U+0302 + U+0303, so the PDF shows a box. Fix: NFC-normalise text for the PDF.
  it('a decomposed (NFD) Vietnamese name', async () => {
    expect(await boxesFor('Nguye\u0302\u0303n Tha\u0300nh')).toBe(0);
  });

  // Bug: format characters are invisible by definition (Unicode Default_Ignorable_Code_Point),
  // yet the PDF draws each as a box; U+2028 and NEL are line breaks. Fix: drop default-ignorable
  // characters from PDF text and turn U+2028/U+2029/U+0085 into line breaks.
  it('invisible format characters and line separators', async () => {
    const boxes = await boxesEach({
      'zero-width joiner': 'a\u200db',
      'zero-width non-joiner': 'a\u200cb',
      'word joiner': 'a\u2060b',
      'left-to-right mark': 'a\u200eb',
      'right-to-left override': 'a\u202eb\u202c',
      'directional isolates': 'a\u2066b\u2069',
      'line separator U+2028': 'a\u2028b',
      'next line U+0085': 'a\u0085b',
    });
    expect(boxes).toEqual(Object.fromEntries(Object.keys(boxes).map((name) => [name, 0])));
  });

  // Limitation: Roboto covers Latin, Greek, Cyrillic and Vietnamese. Text in Hebrew, Arabic, CJK,
  // Devanagari or Thai, or emoji, prints as boxes in the PDF (DOCX and HTML show it). goldthread
  // says so: the coverage check counts exactly the boxes the PDF draws, and render warns by path.
  it('counts exactly the characters it cannot draw, so render can warn about them', async () => {
    const texts = {
      Hebrew: 'המטופלת תחזור לעבודה',
      Arabic: 'ستعود المريضة إلى العمل',
      Japanese: '月に一度の面談',
      Devanagari: 'मासिक जाँच',
      emoji: 'mood 🙂',
    };
    const boxes = await boxesEach(texts);
    for (const [name, text] of Object.entries(texts)) {
      expect(boxes[name], name).toBeGreaterThan(0);
      expect(unshowableCount(text), name).toBe(boxes[name]);
    }
    expect(unshowableFields({ patient: { name: { given: texts.Hebrew, family: 'Levi' } } })).toEqual([
      { path: 'patient.name.given', count: unshowableCount(texts.Hebrew) },
    ]);
  });
});
