/**
 * The parts of the .docx package that docx would stamp with the current time: the core properties
 * and the zip entries' times. Both are fixed here from the document's own date, so the same tree
 * always gives the same bytes.
 */
import { unzipSync, zipSync } from 'fflate';
import type { DocumentTree } from '../../compose/tree.js';

/** Escapes text for XML element content. */
function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The document's date as a W3C date-time: midnight UTC of the content date, or the epoch of DOS zip times. */
function documentTimestamp(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}-${match[2]}-${match[3]}T00:00:00Z` : '1980-01-01T00:00:00Z';
}

/** `docProps/core.xml` with the tree's metadata, dated by the document (never by the clock). */
export function corePropertiesXml(tree: DocumentTree): string {
  const { meta } = tree;
  const stamp = documentTimestamp(meta.date);
  const element = (name: string, value: string): string => (value === '' ? '' : `<${name}>${xmlText(value)}</${name}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords.join(', ')) +
    element('dc:description', `${tree.documentId} (${tree.version})`) +
    element('dc:identifier', tree.documentId) +
    element('dc:language', meta.language) +
    element('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Zips the package's files again with every entry dated `date` (ISO `YYYY-MM-DD`) and
 * `[Content_Types].xml` first, as Office writes it; the other parts keep docx's order.
 */
export function repackWithFixedTimes(docx: Uint8Array, date: string): Buffer {
  const files = unzipSync(docx);
  const [year, month, day] = documentTimestamp(date).slice(0, 10).split('-').map(Number);
  // Zip times are local wall-clock fields, so the date is built from local fields too: the bytes
  // then do not depend on the time zone of the machine.
  const mtime = new Date(year ?? 1980, (month ?? 1) - 1, day ?? 1, 12, 0, 0);
  const names = Object.keys(files).sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  );
  const ordered = Object.fromEntries(names.map((name) => [name, files[name] as Uint8Array]));
  const zipped = zipSync(ordered, { level: 6, mtime });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
