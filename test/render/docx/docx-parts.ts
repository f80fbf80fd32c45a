/**
 * Test helpers: the XML parts of a packed .docx, and the text a reader would see in an XML fragment.
 */
import { strFromU8, unzipSync } from 'fflate';

/** Every part of a .docx package as text (media parts as latin1, for size and signature checks). */
export function docxParts(docx: Uint8Array): Map<string, string> {
  const files = unzipSync(docx);
  return new Map(
    Object.entries(files).map(([name, bytes]) => [
      name,
      name.endsWith('.png') ? strFromU8(bytes, true) : strFromU8(bytes),
    ]),
  );
}

/** The part at `name`, failing the test when it is missing. */
export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`missing part ${name}`);
  return xml;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of WordprocessingML: `w:t` contents, `w:tab` as a tab and `w:br` as a newline. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
    .map((match) => {
      if (match[0] === '<w:tab/>') return '\t';
      if (match[0] === '<w:br/>') return '\n';
      return (match[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
    })
    .join('');
}

/** The body's top-level paragraphs and tables, in order, as XML strings. */
export function bodyElements(documentXml: string): string[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>') + 8, documentXml.lastIndexOf('<w:sectPr'));
  const elements: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of body.matchAll(/<(\/?)w:(p|tbl)\b[^>]*?(\/?)>/g)) {
    const closing = match[1] === '/';
    const selfClosing = match[3] === '/';
    if (!closing && depth === 0) start = match.index ?? 0;
    if (selfClosing) {
      if (depth === 0) elements.push(match[0]);
      continue;
    }
    depth += closing ? -1 : 1;
    if (closing && depth === 0) elements.push(body.slice(start, (match.index ?? 0) + match[0].length));
  }
  return elements;
}

/** The paragraph style id of a paragraph (`Normal` when it has none). */
export function styleOf(paragraphXml: string): string {
  return /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraphXml)?.[1] ?? 'Normal';
}
