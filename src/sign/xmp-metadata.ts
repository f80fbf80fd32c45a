/**
 * The XMP metadata packet PDF/A requires: the PDF/A identification (part 2, conformance B), the
 * document information dictionary's values restated in their XMP properties (PDF/A requires
 * both to agree exactly), and the document's identity (id, version) as XMP Media Management
 * properties. Only schemas PDF/A predefines are used, so no extension schema is needed.
 */
import { createHash } from 'node:crypto';
import { escapeXml } from '../render/escape-xml.js';

/** The document information dictionary's entries, as the PDF holds them (dates as PDF date strings). */
export interface DocumentInfo {
  readonly title?: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: string;
  readonly creator?: string;
  readonly producer?: string;
  readonly creationDate?: string;
  readonly modDate?: string;
}

/** Which document this is: the tree's id and version, and this rendering of it. */
export interface DocumentIdentity {
  /** `<record id>.<kind>`, as in the footer. */
  readonly documentId: string;
  readonly version: string;
  /** A hash of this rendering's content, which names this instance of the document. */
  readonly contentHash: string;
  /**
   * Whether the file may claim PDF/A-2b. False when some text needs a glyph the embedded font
   * lacks: the PDF then references .notdef, which PDF/A forbids, so it must not say it conforms.
   */
  readonly pdfa: boolean;
}

/** A namespace for goldthread's name-based UUIDs (any fixed UUID would do; this one is ours). */
const UUID_NAMESPACE = Buffer.from('6f1d2c3a8b7e4f5a9c0d1e2f3a4b5c6d', 'hex');

/** The XMP packet for a PDF/A-2b file, as UTF-8 text. */
export function xmpPacket(info: DocumentInfo, identity: DocumentIdentity): string {
  const properties: string[] = [
    ...(identity.pdfa ? ['<pdfaid:part>2</pdfaid:part>', '<pdfaid:conformance>B</pdfaid:conformance>'] : []),
    '<dc:format>application/pdf</dc:format>',
    `<dc:identifier>${escapeXml(identity.documentId)}</dc:identifier>`,
  ];
  if (info.title !== undefined) properties.push(`<dc:title>${languageAlternative(info.title)}</dc:title>`);
  if (info.author !== undefined) {
    properties.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`);
  }
  if (info.subject !== undefined) {
    properties.push(`<dc:description>${languageAlternative(info.subject)}</dc:description>`);
  }
  if (info.creationDate !== undefined)
    properties.push(`<xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>`);
  if (info.modDate !== undefined) {
    properties.push(`<xmp:ModifyDate>${xmpDate(info.modDate)}</xmp:ModifyDate>`);
    properties.push(`<xmp:MetadataDate>${xmpDate(info.modDate)}</xmp:MetadataDate>`);
  }
  if (info.creator !== undefined) properties.push(`<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`);
  if (info.producer !== undefined) properties.push(`<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`);
  if (info.keywords !== undefined) properties.push(`<pdf:Keywords>${escapeXml(info.keywords)}</pdf:Keywords>`);
  properties.push(
    `<xmpMM:DocumentID>uuid:${nameBasedUuid(identity.documentId)}</xmpMM:DocumentID>`,
    `<xmpMM:VersionID>${escapeXml(identity.version)}</xmpMM:VersionID>`,
    `<xmpMM:InstanceID>uuid:${nameBasedUuid(`${identity.documentId}\n${identity.version}\n${identity.contentHash}`)}</xmpMM:InstanceID>`,
  );

  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    ...properties.map((p) => ` ${p}`),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * A PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, later parts optional) as an XMP date, keeping
 * its time zone: PDF/A compares the two as instants, and keeping the zone keeps them equal.
 */
export function xmpDate(pdfDate: string): string {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(pdfDate);
  if (!match) throw new Error('PDF/A metadata: the document information holds a date that is not a PDF date.');
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone] = match;
  const time = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (zone === undefined) return time;
  if (zone === 'Z') return `${time}Z`;
  const digits = zone.replace(/'/g, '');
  return `${time}${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

/** A name-based UUID (RFC 4122 version 5) in goldthread's namespace: the same name, the same UUID. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function languageAlternative(text: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
}
