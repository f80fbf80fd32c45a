/**
 * The font the PDFs embed: Roboto as shipped inside the installed pdfmake package (Regular, Medium
 * as bold, Italic, MediumItalic). It covers the Latin letters of names like "Zoë Nguyễn Łukasz"
 * and the marks "≤ ≥ – — ’ “ ”", which the standard PDF fonts cannot show.
 *
 * Speed: used the plain way, pdfmake opens and parses every font file again for each document
 * and pdfkit shapes every word of it again with fontkit. A long-running process keeps both:
 * - **faces parsed once, when first used.** pdfmake looks a font path up in its in-memory file
 *   system (`virtualfs`) before the disk, so each face's path is stored there with a short token
 *   instead of the font's bytes; pdfkit hands those bytes to fontkit, which tries its registered
 *   formats in turn; a format registered here (`fontkit.registerFormat`) recognises only the token
 *   and answers with the parsed face, parsing it on first use (a plan seldom needs all four).
 * - **words shaped once per process.** pdfkit keeps each word's shaped glyph run in a cache that
 *   lives as long as one document's font object. Here the caches of the shared faces live as long
 *   as the face, emptied every `LAYOUT_CACHE_DOCUMENTS` documents to bound memory.
 * A run depends only on the face and the word, and fontkit's face objects only memoise what they
 * have read, so sharing gives byte-identical output (tests check this against pdfmake reading the
 * files). Should either seam be missing in some later version, pdfmake simply works as before:
 * slower, same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** pdfmake's names for a family's four faces. */
export type FontFace = 'normal' | 'bold' | 'italics' | 'bolditalics';

const ROBOTO_DIR = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

/** Absolute paths of the four faces: these are also the font descriptors pdfmake is given. */
export const ROBOTO_FILES: Readonly<Record<FontFace, string>> = {
  normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
};

const FACES = Object.keys(ROBOTO_FILES) as FontFace[];

const allowedFiles: ReadonlySet<string> = new Set(Object.values(ROBOTO_FILES));

/** pdfmake's local access policy: the bundled font files and nothing else. */
export function isBundledFontFile(path: string): boolean {
  return allowedFiles.has(resolve(path));
}

/** The part of pdfmake's in-memory file system used here. */
export interface FontFileSystem {
  existsSync(path: string): boolean;
  writeFileSync(path: string, content: Buffer): void;
}

/** How fonts reach pdfmake: parsed once per process and shared, or read from disk per document. */
export type FontSource = 'parsed' | 'files';

/** What this module needs of a parsed fontkit face; glyph coverage asks it about characters. */
export interface ParsedFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Every this many documents a shared face's word cache starts empty again (memory bound). */
export const LAYOUT_CACHE_DOCUMENTS = 200;

const TOKEN_PREFIX = 'goldthread-parsed-font:';

interface FontkitFormat {
  (stream: { buffer: Uint8Array }): unknown;
  probe(buffer: Uint8Array): boolean;
}

interface Fontkit {
  create(buffer: Uint8Array): unknown;
  registerFormat?: (format: FontkitFormat) => void;
}

/** pdfkit's per-document wrapper of a face (its `EmbeddedFont`), as far as the seam uses it. */
interface EmbeddedFont {
  font: unknown;
  layoutCache?: unknown;
}

interface PdfkitDocument {
  font(src: Uint8Array): PdfkitDocument;
  _font?: EmbeddedFont;
}

type PdfkitConstructor = new (options: object) => PdfkitDocument;

/** The faces behind the tokens; each is parsed on first use. */
class SharedFaces {
  private readonly parsed = new Map<FontFace, ParsedFace>();

  constructor(private readonly fontkit: Fontkit) {}

  face(face: FontFace): ParsedFace {
    let parsed = this.parsed.get(face);
    if (parsed === undefined) {
      parsed = this.fontkit.create(readFileSync(ROBOTO_FILES[face])) as ParsedFace;
      this.parsed.set(face, parsed);
    }
    return parsed;
  }

  isShared(font: unknown): boolean {
    for (const parsed of this.parsed.values()) if (parsed === font) return true;
    return false;
  }
}

let shared: SharedFaces | null | undefined;
let layoutsShared = false;

/**
 * Makes the shared faces available through `vfs` (pdfmake's `virtualfs`) and says which source
 * pdfmake will read. Call before each render: it only writes tokens that are missing.
 */
export function provideRobotoFaces(vfs: FontFileSystem | undefined): FontSource {
  if (vfs === undefined) return 'files';
  if (shared === undefined) shared = setUpSharing();
  if (shared === null) return 'files';
  for (const face of FACES) {
    const path = ROBOTO_FILES[face];
    if (!vfs.existsSync(path)) vfs.writeFileSync(path, tokenFor(face));
  }
  return 'parsed';
}

let ownFaces: SharedFaces | undefined;

/** One face, parsed once per process: the renderer's own when it shares faces. */
export function robotoFace(face: FontFace): ParsedFace {
  if (shared === undefined) shared = setUpSharing();
  if (shared !== null) return shared.face(face);
  ownFaces ??= new SharedFaces(require('fontkit') as Fontkit);
  return ownFaces.face(face);
}

/** Registers the token format with pdfkit's own fontkit and shares word caches; null if it cannot. */
function setUpSharing(): SharedFaces | null {
  const modules = pdfkitModules();
  if (modules === null || typeof modules.fontkit.registerFormat !== 'function') return null;
  const faces = new SharedFaces(modules.fontkit);
  // fontkit calls `new format(stream)`; a constructor that returns an object yields that object.
  const parsedFontFormat = function ParsedFont(stream: { buffer: Uint8Array }) {
    const face = faceOfToken(stream.buffer);
    return face === undefined ? undefined : faces.face(face);
  } as FontkitFormat;
  parsedFontFormat.probe = (buffer) => faceOfToken(buffer) !== undefined;
  modules.fontkit.registerFormat(parsedFontFormat);

  // Check the seam end to end before relying on it.
  if (modules.fontkit.create(tokenFor('normal')) !== faces.face('normal')) return null;
  layoutsShared = shareLayoutCaches(modules.PDFDocument, faces);
  return faces;
}

/**
 * Gives pdfkit's font wrappers of the shared faces one word cache per face instead of one per
 * document. pdfkit's constructor assigns `this.layoutCache`; an accessor on the wrapper's
 * prototype receives that assignment and answers with the face's cache. Wrappers of other fonts,
 * and documents that turn the cache off, keep pdfkit's behaviour. Checked end to end; if pdfkit
 * no longer works this way the accessor is removed again.
 */
function shareLayoutCaches(PDFDocument: PdfkitConstructor, faces: SharedFaces): boolean {
  const wrapperOf = () => new PDFDocument({ autoFirstPage: false, font: null }).font(tokenFor('normal'))._font;
  const first = wrapperOf();
  const prototype = first === undefined ? null : (Object.getPrototypeOf(first) as object | null);
  if (first === undefined || prototype === null || !Object.hasOwn(first, 'layoutCache')) return false;
  if (Object.getOwnPropertyDescriptor(prototype, 'layoutCache') !== undefined) return false;

  const caches = new Map<unknown, { entries: object; documents: number }>();
  const own = new WeakMap<object, unknown>();
  const SHARED = Symbol('shared');
  Object.defineProperty(prototype, 'layoutCache', {
    configurable: true,
    get(this: EmbeddedFont) {
      const value = own.get(this);
      return value === SHARED ? caches.get(this.font)?.entries : value;
    },
    set(this: EmbeddedFont, value: unknown) {
      if (value === undefined || value === null || !faces.isShared(this.font)) {
        own.set(this, value);
        return;
      }
      let cache = caches.get(this.font);
      if (cache === undefined || cache.documents >= LAYOUT_CACHE_DOCUMENTS) {
        cache = { entries: Object.create(null) as object, documents: 0 };
        caches.set(this.font, cache);
      }
      cache.documents += 1;
      own.set(this, SHARED);
    },
  });
  const a = wrapperOf();
  const b = wrapperOf();
  if (a === undefined || b === undefined || a.layoutCache === undefined || a.layoutCache !== b.layoutCache) {
    Reflect.deleteProperty(prototype, 'layoutCache');
    return false;
  }
  return true;
}

/** Whether pdfkit's word caches of the shared faces outlive a document (see the top of this file). */
export function layoutCachesShared(): boolean {
  if (shared === undefined) shared = setUpSharing();
  return layoutsShared;
}

function tokenFor(face: FontFace): Buffer {
  return Buffer.from(TOKEN_PREFIX + face, 'latin1');
}

function faceOfToken(buffer: Uint8Array): FontFace | undefined {
  if (buffer.length > 64) return undefined;
  const text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
  if (!text.startsWith(TOKEN_PREFIX)) return undefined;
  const face = text.slice(TOKEN_PREFIX.length) as FontFace;
  return FACES.includes(face) ? face : undefined;
}

/** pdfkit and the fontkit it loads, resolved from pdfmake's own location, or null. */
function pdfkitModules(): { PDFDocument: PdfkitConstructor; fontkit: Fontkit } | null {
  try {
    const fromPdfmake = createRequire(require.resolve('pdfmake'));
    const pdfkitPath = fromPdfmake.resolve('pdfkit');
    const fromPdfkit = createRequire(pdfkitPath);
    return { PDFDocument: fromPdfmake('pdfkit') as PdfkitConstructor, fontkit: fromPdfkit('fontkit') as Fontkit };
  } catch {
    return null;
  }
}
