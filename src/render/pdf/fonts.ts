/**
 * The font the PDFs embed: Roboto as shipped inside the installed pdfmake package (Regular, Medium
 * as bold, Italic, MediumItalic). It covers the Latin letters of names like "Zoë Nguyễn Łukasz"
 * and the marks "≤ ≥ – — ’ “ ”", which the standard PDF fonts cannot show.
 *
 * Speed: pdfmake opens and parses every font file again for each document, and parsing is about
 * a third of a document's time. Here each face is parsed once per process and shared:
 * - pdfmake looks a font path up in its in-memory file system (`virtualfs`) before the disk, so
 *   each face's path is stored there with a short token instead of the font's bytes;
 * - pdfkit hands those bytes to fontkit, which tries its registered formats in turn; a format
 *   registered here (`fontkit.registerFormat`) recognises only the token and answers with the
 *   face parsed earlier.
 * fontkit's font objects only memoise what they have read, so sharing one across documents gives
 * byte-identical output (a test checks this). Should either seam be missing in some later
 * version, pdfmake simply reads the files as before: slower, same bytes.
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

const TOKEN_PREFIX = 'goldthread-parsed-font:';

interface FontkitFormat {
  (stream: { buffer: Uint8Array }): unknown;
  probe(buffer: Uint8Array): boolean;
}

interface Fontkit {
  create(buffer: Uint8Array): unknown;
  registerFormat?: (format: FontkitFormat) => void;
}

let parsedFaces: ReadonlyMap<string, unknown> | null | undefined;

/**
 * Makes the parsed faces available through `vfs` (pdfmake's `virtualfs`), parsing them on first
 * use, and says which source pdfmake will read. Call before each render: it only writes tokens
 * that are missing.
 */
export function provideRobotoFaces(vfs: FontFileSystem | undefined): FontSource {
  if (vfs === undefined) return 'files';
  if (parsedFaces === undefined) parsedFaces = parseFacesOnce();
  if (parsedFaces === null) return 'files';
  for (const face of Object.keys(ROBOTO_FILES) as FontFace[]) {
    const path = ROBOTO_FILES[face];
    if (!vfs.existsSync(path)) vfs.writeFileSync(path, Buffer.from(TOKEN_PREFIX + face, 'latin1'));
  }
  return 'parsed';
}

/** Parses the four faces with pdfkit's own fontkit and registers the token format; null if it cannot. */
function parseFacesOnce(): ReadonlyMap<string, unknown> | null {
  const fontkit = pdfkitFontkit();
  if (typeof fontkit?.registerFormat !== 'function') return null;
  const faces = new Map<string, unknown>();
  for (const face of Object.keys(ROBOTO_FILES) as FontFace[]) {
    faces.set(TOKEN_PREFIX + face, fontkit.create(readFileSync(ROBOTO_FILES[face])));
  }
  // fontkit calls `new format(stream)`; a constructor that returns an object yields that object.
  const parsedFontFormat = function ParsedFont(stream: { buffer: Uint8Array }) {
    return faces.get(tokenOf(stream.buffer));
  } as FontkitFormat;
  parsedFontFormat.probe = (buffer) => faces.has(tokenOf(buffer));
  fontkit.registerFormat(parsedFontFormat);

  // Check the seam end to end before relying on it.
  const probe = Buffer.from(`${TOKEN_PREFIX}normal`, 'latin1');
  return fontkit.create(probe) === faces.get(`${TOKEN_PREFIX}normal`) ? faces : null;
}

function tokenOf(buffer: Uint8Array): string {
  if (buffer.length > 64) return '';
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
}

/** The fontkit module pdfkit itself loads (resolved from pdfkit's own location), or null. */
function pdfkitFontkit(): Fontkit | null {
  try {
    const fromPdfmake = createRequire(require.resolve('pdfmake'));
    const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
    return fromPdfkit('fontkit') as Fontkit;
  } catch {
    return null;
  }
}
