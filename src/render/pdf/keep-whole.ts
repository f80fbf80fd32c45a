/**
 * Which blocks may be kept whole on one page.
 *
 * pdfmake silently drops the content of an unbreakable block (a table row with `dontBreakRows`,
 * a stack with `unbreakable`) that is taller than a page. A record's text has no length limit,
 * so every block built from it is kept whole only when a generous estimate of its height is at
 * most half a page; anything taller is allowed to break across pages instead.
 */
import type { Inline } from '../../compose/tree.js';
import { DEFAULT_STYLE, PAGE } from './page-style.js';

/** The height of a page's body, between the running header and footer. */
export const BODY_HEIGHT = PAGE.height - PAGE.margins.top - PAGE.margins.bottom;

/** The tallest estimated block kept whole; half a page absorbs any error in the estimate. */
export const KEEP_WHOLE_LIMIT = BODY_HEIGHT / 2;

/**
 * Average advance of a character as a fraction of the font size, on the wide side for Roboto
 * (lowercase averages about 0.5 em, capitals and digits about 0.6 em).
 */
const CHAR_EM = 0.62;
const SPACE_EM = 0.25;

/** Whether a block of this estimated height may be kept whole. */
export function mayKeepWhole(estimatedHeight: number): boolean {
  return estimatedHeight <= KEEP_WHOLE_LIMIT;
}

/** The plain text of an inline. */
export function inlinePlainText(content: Inline): string {
  return content.map((run) => run.text).join('');
}

/**
 * A generous estimate of the height of `text` wrapped to `width` points at `fontSize`: words
 * fill lines greedily, a word wider than the line wraps inside itself, and each newline starts
 * a line, as in pdfmake.
 */
export function estimatedTextHeight(
  text: string,
  width: number,
  fontSize: number,
  lineHeight: number = DEFAULT_STYLE.lineHeight,
): number {
  const charWidth = CHAR_EM * fontSize;
  const spaceWidth = SPACE_EM * fontSize;
  const usable = Math.max(width, charWidth);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const wordWidth = [...word].length * charWidth;
      const needed = used === 0 ? wordWidth : used + spaceWidth + wordWidth;
      if (needed <= usable) {
        used = needed;
      } else if (wordWidth <= usable) {
        lines += used === 0 ? 0 : 1;
        used = wordWidth;
      } else {
        // A long word starts a new line and breaks wherever the line is full.
        const pieces = Math.ceil(wordWidth / usable);
        lines += (used === 0 ? 0 : 1) + pieces - 1;
        used = wordWidth - (pieces - 1) * usable;
      }
    }
  }
  return lines * fontSize * lineHeight;
}
