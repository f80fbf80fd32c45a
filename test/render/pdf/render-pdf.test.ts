import { createRequire } from 'node:module';
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree } from '../../../src/compose/tree.js';
import { toDocDefinition } from '../../../src/render/pdf/doc-definition.js';
import { layoutCachesShared } from '../../../src/render/pdf/fonts.js';
import { linkHeadingsToFollowers } from '../../../src/render/pdf/keep-with-next.js';
import { pdfFontSource, renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { SIGNATURE_LINE } from '../../../src/render/pdf/signature-blocks.js';
import { finishPdf } from '../../../src/sign/finish-pdf.js';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from '../../../src/sign/pdf-lib.js';
import { inspectPdf } from './pdf-inspect.js';
import { sampleTree } from './sample-tree.js';

const pdfmake = createRequire(import.meta.url)('pdfmake') as {
  virtualfs: unknown;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
};

const ascii = (bytes: Buffer): string => bytes.toString('latin1');

/** The decoded ToUnicode CMaps of a PDF's fonts. */
async function toUnicodeMaps(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const maps: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    if (text.includes('begincmap')) maps.push(text);
  }
  return maps;
}

describe('renderPdf', () => {
  it('writes a PDF 1.7 file', async () => {
    const bytes = await renderPdf(sampleTree());
    expect(ascii(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(ascii(bytes.subarray(-6)).trim()).toBe('%%EOF');
  });

  it('gives byte-identical output for the same tree, also when renders overlap', async () => {
    const draft = sampleTree({ draft: true });
    const final = sampleTree();
    const first = await renderPdf(draft);
    const second = await renderPdf(draft);
    expect(second.equals(first)).toBe(true);
    const [a, b, c] = await Promise.all([renderPdf(final), renderPdf(draft), renderPdf(final)]);
    expect(b?.equals(first)).toBe(true);
    expect(a?.equals(c as Buffer)).toBe(true);
    expect(a?.equals(first)).toBe(false);
  });

  it('shares fonts parsed once and words shaped once, with the same bytes as reading the font files', async () => {
    expect(pdfFontSource()).toBe('parsed');
    expect(layoutCachesShared()).toBe(true);
    // Another document first, so the draft below is laid out from words shaped for it.
    await renderPdf(sampleTree());
    const tree = sampleTree({ draft: true });
    const shared = await renderPdf(tree);
    // Without the in-memory file system pdfmake falls back to opening the font files itself.
    const virtualfs = pdfmake.virtualfs;
    pdfmake.virtualfs = undefined;
    try {
      const fromFiles = await pdfmake.createPdf(toDocDefinition(tree)).getBuffer();
      expect((await finishPdf(fromFiles, tree)).equals(shared)).toBe(true);
    } finally {
      pdfmake.virtualfs = virtualfs;
    }
  });

  it('gives a document the same bytes whatever documents this process rendered before', async () => {
    // Δ (U+0394) and the increment sign ∆ (U+2206) share one glyph in Roboto; the text a PDF
    // reader extracts for that glyph must not depend on which record reached it first.
    const withText = (text: string) => sampleTree({ blocks: [{ kind: 'paragraph', content: [{ text }] }] as Block[] });
    const greek = withText('Δ PHQ-9 since intake: −6 points.');
    const increment = withText('∆ PHQ-9 since intake: −6 points.');
    const incrementFirst = await renderPdf(increment);
    const greekAfter = await renderPdf(greek);
    expect((await renderPdf(increment)).equals(incrementFirst)).toBe(true);
    expect((await renderPdf(greek)).equals(greekAfter)).toBe(true);
    // The shared glyph extracts as its lowest code point, the Greek letter, whichever came first.
    const maps = (await toUnicodeMaps(greekAfter)).join('\n').toLowerCase();
    expect(maps).toContain('<0394>');
    expect(maps).not.toContain('<2206>');
  });

  it('keeps a table row taller than a page instead of dropping it', async () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Sentence ${i + 1} of a very long cell.`).join(' ');
    const tree = sampleTree({
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: 'ID', width: 1 },
            { header: 'Notes', width: 4 },
          ],
          rows: [[[{ text: 'R1' }], [{ text: huge }]]],
        },
      ],
    });
    // About 3,000 words in a 400-point column: three pages or more once laid out. A dropped
    // row (pdfmake's behaviour for an unbreakable row taller than a page) leaves one.
    expect((await inspectPdf(await renderPdf(tree))).pageCount).toBeGreaterThanOrEqual(3);
  });

  it('embeds subsets of Roboto and no standard font', async () => {
    const bytes = ascii(await renderPdf(sampleTree()));
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Medium/);
    expect(bytes).toContain('/FontFile2');
    expect(bytes).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('records the metadata and language of tree.meta', async () => {
    const facts = await inspectPdf(await renderPdf(sampleTree()));
    expect(facts).toMatchObject({
      title: 'Treatment Plan — Zoë Nguyễn',
      author: 'Alex Rivera, LCSW',
      subject: 'Behavioral health treatment plan',
      keywords: 'treatment plan, F33.1, F41.1',
      producer: 'goldthread',
      creator: 'goldthread',
      language: 'en-US',
    });
    expect(facts.creationDate?.toISOString()).toBe('2026-09-09T00:00:00.000Z');
    expect(facts.modificationDate?.toISOString()).toBe('2026-09-09T00:00:00.000Z');
  });

  it('spans several pages and bookmarks every section', async () => {
    const facts = await inspectPdf(await renderPdf(sampleTree()));
    expect(facts.pageCount).toBeGreaterThanOrEqual(4);
    expect(facts.outlineTitles).toEqual([
      'Identification',
      'Diagnoses',
      'Presenting problems',
      'Goals and objectives',
      'Interventions',
      'Risk',
      'Signatures',
    ]);
  });

  it('marks each signature line with a named destination on the page it is drawn', async () => {
    const facts = await inspectPdf(await renderPdf(sampleTree()));
    const clinician = facts.destinations.get('signature-clinician');
    const supervisor = facts.destinations.get('signature-supervisor');
    const patient = facts.destinations.get('signature-patient');
    expect(clinician?.page).toBe(facts.pageCount);
    expect(patient?.page).toBe(facts.pageCount);
    // Left-aligned in the text column, one under the other, a block apart.
    expect(clinician?.x).toBe(54);
    expect((clinician?.y ?? 0) - (supervisor?.y ?? 0)).toBeGreaterThan(SIGNATURE_LINE.height);
    expect((supervisor?.y ?? 0) - (patient?.y ?? 0)).toBeCloseTo((clinician?.y ?? 0) - (supervisor?.y ?? 0), 0);
  });
});

describe('headings at the foot of a page', () => {
  const signer: Block = {
    kind: 'signatures',
    signers: [{ role: 'clinician', roleLabel: 'Treating clinician', name: 'Alex Rivera', credentials: 'LCSW' }],
  };
  const sectionBlocks = sampleTree().blocks.flatMap((b) => (b.kind === 'section' ? b.blocks : []));
  const chart = sectionBlocks.find((b) => b.kind === 'chart') as Block;
  // The interventions table: long enough that its header row repeats on the next page.
  const longTable = sectionBlocks.find((b) => b.kind === 'table' && b.rows.length > 20) as Block;

  /** Filler paragraphs, then a section whose first content is `first`. */
  const pushedDown = (fillers: number, first: Block): DocumentTree =>
    sampleTree({
      blocks: [
        ...Array.from(
          { length: fillers },
          (_, i): Block => ({ kind: 'paragraph', content: [{ text: `Filler ${i + 1}.` }] }),
        ),
        { kind: 'section', id: 'next', title: 'Next section', blocks: [first] },
      ],
    });

  /** Pairs of (heading id, id of the text it must share a page with) in the tree's definition. */
  const headingPairs = (tree: DocumentTree): [string, string][] => [
    ...linkHeadingsToFollowers(toDocDefinition(tree).content as Content),
  ];

  /** How many headings end up on another page than the text after them. */
  const strandedHeadings = async (tree: DocumentTree, render: (t: DocumentTree) => Promise<Buffer>) => {
    const { destinations } = await inspectPdf(await render(tree));
    return headingPairs(tree).filter(
      ([heading, next]) => destinations.get(heading)?.page !== destinations.get(next)?.page,
    ).length;
  };

  const withoutKeepWithNext = async (tree: DocumentTree): Promise<Buffer> => {
    await renderPdf(tree); // configures pdfmake's fonts
    const definition = toDocDefinition(tree);
    delete definition.pageBreakBefore;
    return pdfmake.createPdf(definition).getBuffer();
  };

  it('move to the next page with the signer block, chart or table rows that follow them', async () => {
    let strandedWithout = 0;
    for (const first of [signer, chart, longTable]) {
      for (let fillers = 20; fillers <= 29; fillers++) {
        const tree = pushedDown(fillers, first);
        expect(await strandedHeadings(tree, renderPdf)).toBe(0);
        strandedWithout += await strandedHeadings(tree, withoutKeepWithNext);
      }
    }
    // The filler range does put headings at a page foot: without the rule some would be stranded.
    expect(strandedWithout).toBeGreaterThan(0);
  });
});
