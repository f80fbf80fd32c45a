import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../../src/compose/tree.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { bodyElements, docxParts, part, wordText } from './docx-parts.js';
import { draftTreatmentPlanTree, treatmentPlanTree, treeWithBlocks } from './fixture.js';

/** The text of the body's paragraphs, after the title and subtitle. */
async function paragraphTexts(tree: DocumentTree): Promise<string[]> {
  const documentXml = part(docxParts(await renderDocx(tree)), 'word/document.xml');
  return bodyElements(documentXml).slice(2).map(wordText);
}

describe('literal text', () => {
  it('keeps markup and template syntax as literal text', async () => {
    const hostile = '<script>alert(1)</script> {{x}} {{{y}}} & "quoted" \'single\' <w:p/>';
    const tree = treeWithBlocks([
      { kind: 'paragraph', content: [{ text: hostile }] },
      { kind: 'fields', items: [{ label: '<b>label</b>', value: '{{value}}' }] },
    ]);
    const documentXml = part(docxParts(await renderDocx(tree)), 'word/document.xml');
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{x}} {{{y}}} &amp;');
    const [paragraph, fields] = bodyElements(documentXml).slice(2);
    expect(wordText(paragraph ?? '')).toBe(hostile);
    expect(wordText(fields ?? '')).toBe('<b>label</b>{{value}}');
  });

  it('turns newlines into line breaks and keeps tabs as tabs', async () => {
    const tree = treeWithBlocks([
      { kind: 'paragraph', content: [{ text: 'Line one\nLine two\r\nLine\tthree' }, { text: '\n', bold: true }] },
    ]);
    const documentXml = part(docxParts(await renderDocx(tree)), 'word/document.xml');
    expect(documentXml).toContain('<w:br/>');
    expect(documentXml).toContain('<w:tab/>');
    expect(await paragraphTexts(tree)).toEqual(['Line one\nLine two\nLine\tthree\n']);
  });

  it('renders any text a record can hold exactly as written', async () => {
    // Everything the loader lets through: no C0 controls but tab and newline, no lone surrogates, no U+FFFE/U+FFFF.
    const allowed = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .map((value) => value.replace(/[\u0000-\u0008\u000b-\u001f\r\ufffe\uffff]/g, ''));
    await fc.assert(
      fc.asyncProperty(fc.array(allowed, { minLength: 1, maxLength: 3 }), async (texts) => {
        const tree = treeWithBlocks([{ kind: 'paragraph', content: texts.map((text) => ({ text })) }]);
        expect(await paragraphTexts(tree)).toEqual([texts.join('')]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same tree, whatever was rendered before', async () => {
    const first = await renderDocx(treatmentPlanTree);
    await renderDocx(draftTreatmentPlanTree);
    const second = await renderDocx(treatmentPlanTree);
    expect(second.equals(first)).toBe(true);
  });

  it('dates every zip entry by the document date and puts [Content_Types].xml first', async () => {
    const docx = await renderDocx(treatmentPlanTree);
    const names: string[] = [];
    unzipSync(docx, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    expect(names[0]).toBe('[Content_Types].xml');
    // Local file headers: DOS date at offset 12 (days | months << 5 | (year - 1980) << 9).
    let offset = 0;
    const dates = new Set<number>();
    while (docx.readUInt32LE(offset) === 0x04034b50) {
      dates.add(docx.readUInt16LE(offset + 12));
      const nameLength = docx.readUInt16LE(offset + 26);
      const extraLength = docx.readUInt16LE(offset + 28);
      offset += 30 + nameLength + extraLength + docx.readUInt32LE(offset + 18);
    }
    expect([...dates]).toEqual([9 | (9 << 5) | ((2026 - 1980) << 9)]);
  });
});
