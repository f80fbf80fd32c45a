import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { SIGNATURE_LINE, signatureLineWidth } from '../../src/render/pdf/signature-blocks.js';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  type PDFHexString,
  type PDFNumber,
  type PDFRawStream,
  PDFStream,
} from '../../src/sign/pdf-lib.js';
import { SRGB_PROFILE_NAME, srgbProfile } from '../../src/sign/srgb-profile.js';
import { inspectPdf } from '../render/pdf/pdf-inspect.js';
import { annotations, catalogXmp, loadPdf, name, numbers, objectsOfType, text, xmpValue } from './pdf-structure.js';
import { FIELD_NAMES, planTree } from './plan-tree.js';

let final: Buffer;
let draft: Buffer;
let finalDoc: PDFDocument;
let draftDoc: PDFDocument;

beforeAll(async () => {
  [final, draft] = await Promise.all([renderPdf(planTree()), renderPdf(planTree({ draft: true }))]);
  [finalDoc, draftDoc] = await Promise.all([loadPdf(final), loadPdf(draft)]);
});

describe('signature fields in a rendered plan', () => {
  it('has one empty signature field per signer, named by role, in document order', () => {
    const form = finalDoc.catalog.lookup(name('AcroForm'), PDFDict);
    const fields = form
      .lookup(name('Fields'), PDFArray)
      .asArray()
      .map((ref) => finalDoc.context.lookup(ref, PDFDict));
    expect(fields.map((f) => text(f.get(name('T'))))).toEqual([...FIELD_NAMES]);
    for (const field of fields) {
      expect(field.get(name('FT'))).toBe(name('Sig'));
      expect(field.get(name('Subtype'))).toBe(name('Widget'));
      expect(field.has(name('V'))).toBe(false);
    }
    expect(fields.map((f) => text(f.get(name('TU'))))).toEqual([
      'Signature of the treating clinician',
      'Signature of the clinical supervisor',
      'Signature of the patient',
      'Signature of the parent or guardian',
      'Signature of the parent or guardian',
    ]);
    // Signature fields exist; none is signed yet, so the file is not yet append-only.
    expect((form.get(name('SigFlags')) as PDFNumber).asNumber()).toBe(1);
    expect(form.has(name('NeedAppearances'))).toBe(false);
  });

  it("places each field on its signer's line, on that page, tall enough to sign above the line", async () => {
    const facts = await inspectPdf(final);
    const pages = finalDoc.getPages().map((page) => page.ref);
    for (const { page, annotation } of annotations(finalDoc)) {
      const field = text(annotation.get(name('T'))) as string;
      const anchor = facts.destinations.get(`signature-${field}`);
      expect(anchor, field).toBeDefined();
      expect(pages.indexOf(page) + 1).toBe(anchor?.page);
      expect(annotation.get(name('P'))).toBe(page);
      const lineY = (anchor?.y ?? 0) + SIGNATURE_LINE.gap;
      const [x1, y1, x2, y2] = numbers(annotation.get(name('Rect')));
      expect(x1).toBeCloseTo(anchor?.x ?? 0, 3);
      expect(y1).toBeCloseTo(lineY, 3);
      expect((x2 ?? 0) - (x1 ?? 0)).toBeCloseTo(signatureLineWidth, 3);
      expect((y2 ?? 0) - (y1 ?? 0)).toBeCloseTo(SIGNATURE_LINE.height, 3);
    }
    expect(annotations(finalDoc)).toHaveLength(FIELD_NAMES.length);
  });

  it('puts no signature field on a draft, which is not ready for signature', () => {
    expect(draftDoc.catalog.has(name('AcroForm'))).toBe(false);
    expect(annotations(draftDoc).filter(({ annotation }) => annotation.get(name('FT')) === name('Sig'))).toEqual([]);
  });
});

describe('PDF/A-2b', () => {
  it('identifies itself as PDF/A-2b in an unfiltered XMP stream that agrees with the document information', async () => {
    const { xml, unfiltered } = catalogXmp(finalDoc);
    const info = await inspectPdf(final);
    expect(unfiltered).toBe(true);
    expect(xmpValue(xml, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xml, 'pdfaid:conformance')).toBe('B');
    expect(xmpValue(xml, 'dc:title')).toBe(info.title);
    expect(xmpValue(xml, 'dc:creator')).toBe(info.author);
    expect(xmpValue(xml, 'dc:description')).toBe(info.subject);
    expect(xmpValue(xml, 'pdf:Keywords')).toBe(info.keywords);
    expect(xmpValue(xml, 'pdf:Producer')).toBe(info.producer);
    expect(xmpValue(xml, 'xmp:CreatorTool')).toBe(info.creator);
    expect(new Date(xmpValue(xml, 'xmp:CreateDate') as string).getTime()).toBe(info.creationDate?.getTime());
    expect(new Date(xmpValue(xml, 'xmp:ModifyDate') as string).getTime()).toBe(info.modificationDate?.getTime());
    expect(info.title).toBe('Treatment Plan — Zoë Nguyễn');
  });

  it('carries the document id and version in the metadata', () => {
    const { xml } = catalogXmp(finalDoc);
    expect(xmpValue(xml, 'dc:identifier')).toBe('nguyen-2026-09.treatment-plan');
    expect(xmpValue(xml, 'xmpMM:VersionID')).toBe('plan v2');
    expect(xmpValue(xml, 'xmpMM:DocumentID')).toMatch(/^uuid:[0-9a-f-]{36}$/);
  });

  it('has an sRGB output intent whose profile is the generated one', () => {
    const intents = finalDoc.catalog.lookup(name('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(name('S'))).toBe(name('GTS_PDFA1'));
    expect(text(intent.get(name('OutputConditionIdentifier')))).toBe(SRGB_PROFILE_NAME);
    const profile = intent.lookup(name('DestOutputProfile'), PDFStream) as PDFRawStream;
    expect((profile.dict.get(name('N')) as PDFNumber).asNumber()).toBe(3);
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(Buffer.from(srgbProfile()))).toBe(true);
  });

  it('embeds every font as a TrueType program with a CID-to-glyph map', () => {
    const fonts = objectsOfType(finalDoc, 'Font');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const subtype = font.get(name('Subtype'));
      if (subtype === name('Type0')) {
        const descendant = font.lookup(name('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        expect(descendant.get(name('Subtype'))).toBe(name('CIDFontType2'));
        expect(descendant.has(name('CIDToGIDMap'))).toBe(true);
        continue;
      }
      expect(subtype).toBe(name('CIDFontType2'));
      expect(font.lookup(name('FontDescriptor'), PDFDict).has(name('FontFile2'))).toBe(true);
    }
  });

  it('prints every annotation, and gives each one only a normal appearance', () => {
    for (const { annotation } of annotations(finalDoc)) {
      const flags = (annotation.get(name('F')) as PDFNumber).asNumber();
      // Print (4) set; Invisible (1), Hidden (2), NoView (32), ToggleNoView (256) clear.
      expect(flags & 4).toBe(4);
      expect(flags & (1 | 2 | 32 | 256)).toBe(0);
      const appearance = annotation.lookup(name('AP'), PDFDict);
      expect(appearance.keys()).toEqual([name('N')]);
      const normal = appearance.lookup(name('N'), PDFStream);
      expect(normal.dict.get(name('Subtype'))).toBe(name('Form'));
    }
  });

  it('gives pages with transparency (the draft watermark) an RGB blending group, and only those', () => {
    const groups = (doc: PDFDocument) => doc.getPages().map((page) => page.node.lookupMaybe(name('Group'), PDFDict));
    for (const group of groups(draftDoc)) {
      expect(group?.get(name('S'))).toBe(name('Transparency'));
      expect(group?.get(name('CS'))).toBe(name('DeviceRGB'));
    }
    expect(groups(finalDoc).every((group) => group === undefined)).toBe(true);
  });

  it('has a file identifier derived from the content: same content, same /ID', async () => {
    const id = (doc: PDFDocument) =>
      (doc.context.trailerInfo.ID as PDFArray).asArray().map((h) => (h as PDFHexString).asString());
    const [first, second] = id(finalDoc);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
    expect(id(await loadPdf(await renderPdf(planTree())))).toEqual(id(finalDoc));
    expect(id(draftDoc)[0]).not.toBe(first);
    expect(id(await loadPdf(await renderPdf(planTree({ version: 'plan v3' }))))[0]).not.toBe(first);
  });

  it('is not encrypted and has a binary comment after the header', () => {
    expect(finalDoc.context.trailerInfo.Encrypt).toBeUndefined();
    expect(final.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect([...final.subarray(10, 14)].every((byte) => byte >= 128)).toBe(true);
  });
});

describe('the finished PDF', () => {
  it('is byte-identical for the same tree', async () => {
    const [again, draftAgain] = await Promise.all([renderPdf(planTree()), renderPdf(planTree({ draft: true }))]);
    expect(again.equals(final)).toBe(true);
    expect(draftAgain.equals(draft)).toBe(true);
  });

  it('keeps what pdfmake wrote: language, bookmarks, destinations and dates', async () => {
    const facts = await inspectPdf(final);
    expect(facts.language).toBe('en-US');
    expect(facts.outlineTitles).toEqual(['Presenting problems', 'Goals and objectives', 'Signatures']);
    expect(facts.destinations.has('signature-guardian-2')).toBe(true);
    expect(facts.creationDate?.toISOString()).toBe('2026-09-09T00:00:00.000Z');
    expect(facts.producer).toBe('goldthread');
  });
});
