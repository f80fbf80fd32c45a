/**
 * Composes a record into each output format and reads back the text each one carries: the HTML
 * page, the DOCX's WordprocessingML, the pdfmake document definition and the PDF's drawn glyphs.
 */
import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { composeDocument } from '../../src/compose/compose.js';
import { loadTemplateSet, type TemplateSet } from '../../src/compose/templates.js';
import type { DocKind, DocumentTree } from '../../src/compose/tree.js';
import type { LinkedRecord } from '../../src/model/linked.js';
import { loadProfileRegistry, type ProfileRegistry } from '../../src/payers/registry.js';
import { toDocDefinition } from '../../src/render/pdf/doc-definition.js';
import { readWordXml, type WordXmlReading } from './word-xml.js';

/** The date every hardening test judges records on. */
export const AS_OF = '2026-11-27';

let shared: Promise<{ registry: ProfileRegistry; templates: TemplateSet }> | undefined;

/** The built-in profiles and templates, loaded once per test file. */
function pipeline() {
  shared ??= loadProfileRegistry().then((registry) => ({ registry, templates: loadTemplateSet() }));
  return shared;
}

/** Composes one document for a record with its own payer's profile, as `render` does. */
export async function compose(record: LinkedRecord, kind: DocKind = 'treatment-plan'): Promise<DocumentTree> {
  const { registry, templates } = await pipeline();
  const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
  return composeDocument(record, { kind, profile, templates, asOf: AS_OF });
}

/** HTML escaping as a reader of the page would undo it: `& < > " '`. */
export function htmlEscaped(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The DOCX's body and running header, each read strictly. */
export function readDocx(docx: Uint8Array): { body: WordXmlReading; headers: WordXmlReading[] } {
  const parts = unzipSync(docx);
  const xml = (name: string) => {
    const bytes = parts[name];
    if (!bytes) throw new Error(`the .docx has no ${name}`);
    return strFromU8(bytes);
  };
  const headers = Object.keys(parts)
    .filter((name) => /^word\/header\d*\.xml$/.test(name))
    .sort()
    .map((name) => readWordXml(xml(name)));
  return { body: readWordXml(xml('word/document.xml')), headers };
}

/** Whether one paragraph of a reading holds the whole value, tabs and line breaks included. */
export function paragraphHolds(reading: WordXmlReading, value: string): boolean {
  return reading.paragraphs.some((paragraph) => paragraph.includes(value));
}

/** Each text node's text, fragments joined, everywhere in a value of a document definition. */
function nodeTexts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) nodeTexts(item, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if ('text' in node) out.push(flatten(node.text));
  for (const [key, child] of Object.entries(node)) if (key !== 'text') nodeTexts(child, out);
}

function flatten(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(flatten).join('');
  if (text !== null && typeof text === 'object' && 'text' in text) return flatten((text as { text: unknown }).text);
  return '';
}

/** The texts of a pdfmake definition: the body, and the running header and footer of page 1. */
export function definitionTexts(definition: TDocumentDefinitions): string[] {
  const out: string[] = [];
  nodeTexts(definition.content, out);
  const size = { width: 612, height: 792, orientation: 'portrait' as const };
  for (const frame of [definition.header, definition.footer]) {
    nodeTexts(typeof frame === 'function' ? frame(1, 1, size) : frame, out);
  }
  return out;
}

/** The texts of the definition the PDF renderer builds for a tree. */
export function pdfTexts(tree: DocumentTree): string[] {
  return definitionTexts(toDocDefinition(tree));
}

/** What a PDF's page content draws: glyphs in all, and the most drawn by one text object (BT..ET). */
export interface DrawnText {
  readonly glyphs: number;
  readonly longestTextObject: number;
  /** Glyph id 0, .notdef: a character the font has no glyph for, drawn as an empty box. */
  readonly notdef: number;
}

/**
 * Counts the glyphs the PDF draws: the glyph ids in every `TJ` array of every Flate-compressed
 * stream (pdfkit writes four hex digits per glyph of an embedded font). pdfmake draws each word,
 * or each piece of a word it had to break, as its own text object; a word too long for its line
 * that was not broken would be one huge text object.
 */
export function drawnText(pdf: Uint8Array): DrawnText {
  const raw = Buffer.from(pdf).toString('latin1');
  let glyphs = 0;
  let longestTextObject = 0;
  let notdef = 0;
  for (const start of raw.matchAll(/stream\r?\n/g)) {
    const from = (start.index ?? 0) + start[0].length;
    const to = raw.indexOf('endstream', from);
    let content: string;
    try {
      content = strFromU8(unzlibSync(Buffer.from(raw.slice(from, to), 'latin1')), true);
    } catch {
      continue; // not a Flate stream
    }
    for (const object of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let inObject = 0;
      for (const array of (object[1] ?? '').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
        for (const hex of (array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
          const ids = hex[1] ?? '';
          inObject += ids.length / 4;
          for (let i = 0; i < ids.length; i += 4) if (ids.slice(i, i + 4) === '0000') notdef += 1;
        }
      }
      glyphs += inObject;
      longestTextObject = Math.max(longestTextObject, inObject);
    }
  }
  return { glyphs, longestTextObject, notdef };
}

/** Whether bytes are a complete PDF file: the header first, the end-of-file marker last. */
export function looksLikeCompletePdf(pdf: Uint8Array): boolean {
  const text = Buffer.from(pdf).toString('latin1');
  return text.startsWith('%PDF-') && /%%EOF\s*$/.test(text.slice(-16));
}
