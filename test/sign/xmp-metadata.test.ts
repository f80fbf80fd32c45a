import { describe, expect, it } from 'vitest';
import { nameBasedUuid, xmpDate, xmpPacket } from '../../src/sign/xmp-metadata.js';

const identity = {
  documentId: 'nguyen-2026-09.treatment-plan',
  version: 'plan v2',
  contentHash: 'ab'.repeat(32),
  pdfa: true,
};

describe('XMP metadata', () => {
  it('turns PDF dates into XMP dates in the same time zone', () => {
    expect(xmpDate('D:20260909000000Z')).toBe('2026-09-09T00:00:00Z');
    expect(xmpDate("D:20260909143005+02'00'")).toBe('2026-09-09T14:30:05+02:00');
    expect(xmpDate("D:20260909143005-05'30")).toBe('2026-09-09T14:30:05-05:30');
    expect(xmpDate('D:20260909')).toBe('2026-09-09T00:00:00');
    expect(() => xmpDate('yesterday')).toThrow(/not a PDF date/);
  });

  it('names a document with a stable RFC 4122 version 5 UUID', () => {
    const uuid = nameBasedUuid('nguyen-2026-09.treatment-plan');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedUuid('nguyen-2026-09.treatment-plan')).toBe(uuid);
    expect(nameBasedUuid('nguyen-2026-09.plan-review')).not.toBe(uuid);
  });

  it('identifies PDF/A-2b and restates the document information', () => {
    const xml = xmpPacket(
      {
        title: 'Plan — Zoë <draft> & co',
        author: 'Alex Rivera, LCSW',
        subject: 'Treatment plan',
        keywords: 'treatment plan, F33.1',
        creator: 'goldthread',
        producer: 'goldthread',
        creationDate: 'D:20260909000000Z',
        modDate: 'D:20260910000000Z',
      },
      identity,
    );
    expect(xml.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(xml.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(xml).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xml).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Plan — Zoë &lt;draft&gt; &amp; co</rdf:li>');
    expect(xml).toContain('<dc:creator><rdf:Seq><rdf:li>Alex Rivera, LCSW</rdf:li></rdf:Seq></dc:creator>');
    expect(xml).toContain('<xmp:CreateDate>2026-09-09T00:00:00Z</xmp:CreateDate>');
    expect(xml).toContain('<xmp:ModifyDate>2026-09-10T00:00:00Z</xmp:ModifyDate>');
    expect(xml).toContain('<pdf:Keywords>treatment plan, F33.1</pdf:Keywords>');
    expect(xml).toContain('<dc:identifier>nguyen-2026-09.treatment-plan</dc:identifier>');
    expect(xml).toContain(`<xmpMM:DocumentID>uuid:${nameBasedUuid(identity.documentId)}</xmpMM:DocumentID>`);
    expect(xml).toContain('<xmpMM:VersionID>plan v2</xmpMM:VersionID>');
    // No packet attributes PDF/A forbids.
    expect(xml).not.toMatch(/\bbytes=|\bencoding=/);
  });

  it('leaves out what the document information does not have', () => {
    const xml = xmpPacket({ title: 'Plan' }, identity);
    expect(xml).not.toContain('xmp:ModifyDate');
    expect(xml).not.toContain('pdf:Keywords');
    expect(xml).not.toContain('dc:creator');
  });

  it('gives a new instance id for new content but keeps the document id', () => {
    const a = xmpPacket({}, identity);
    const b = xmpPacket({}, { ...identity, contentHash: 'cd'.repeat(32) });
    const id = (xml: string, name: string) => new RegExp(`<xmpMM:${name}>(.*?)<`).exec(xml)?.[1];
    expect(id(a, 'DocumentID')).toBe(id(b, 'DocumentID'));
    expect(id(a, 'InstanceID')).not.toBe(id(b, 'InstanceID'));
  });
});

describe('the PDF/A claim', () => {
  it('is left out when some text needs a glyph the font lacks', () => {
    expect(xmpPacket({}, identity)).toContain('<pdfaid:part>2</pdfaid:part>');
    const without = xmpPacket({}, { ...identity, pdfa: false });
    expect(without).not.toContain('pdfaid:part');
    expect(without).not.toContain('pdfaid:conformance');
  });
});
