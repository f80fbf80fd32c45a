/**
 * Which characters of a record the PDF cannot draw. The PDF embeds Roboto (Latin, Greek,
 * Cyrillic, Vietnamese); text in other scripts (Hebrew, Arabic, CJK, Devanagari, Thai) or emoji
 * would print as empty boxes. DOCX and HTML use the reader's fonts and show them.
 */
import { robotoFace } from './fonts.js';
import { toPdfText } from './pdf-text.js';

/** How many characters of a text the PDF would draw as empty boxes. */
export function unshowableCount(text: string): number {
  const face = robotoFace('normal');
  let count = 0;
  for (const char of toPdfText(text)) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === 0x0a || codePoint === 0x09) continue;
    if (!face.hasGlyphForCodePoint(codePoint)) count++;
  }
  return count;
}

/** Every text field of a value (a record's data) holding characters the PDF cannot draw, by path. */
export function unshowableFields(value: unknown, path = ''): { path: string; count: number }[] {
  if (typeof value === 'string') {
    const count = unshowableCount(value);
    return count > 0 ? [{ path, count }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unshowableFields(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unshowableFields(item, path ? `${path}.${key}` : key));
  }
  return [];
}
