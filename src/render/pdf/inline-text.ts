/**
 * Runs of the document tree as pdfmake text. pdfmake never interprets text as markup, so a run's
 * text goes in exactly as written.
 */
import type { ContentText } from 'pdfmake/interfaces.js';
import type { Inline } from '../../compose/tree.js';

/** One pdfmake text fragment: a run's text with its emphasis. */
export interface TextFragment {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

/** An inline (a list of runs) as pdfmake text fragments; an empty inline becomes one empty fragment. */
export function inlineFragments(content: Inline): TextFragment[] {
  if (content.length === 0) return [{ text: '' }];
  return content.map((run) => {
    const fragment: TextFragment = { text: run.text };
    if (run.bold) fragment.bold = true;
    if (run.italic) fragment.italics = true;
    return fragment;
  });
}

/** An inline as a pdfmake text node with a named style. */
export function inlineText(content: Inline, style?: string | readonly string[]): ContentText {
  const node: ContentText = { text: inlineFragments(content) };
  if (style !== undefined) node.style = typeof style === 'string' ? style : [...style];
  return node;
}

/** Plain text as a one-run inline, for labels the renderer itself supplies. */
export function plain(text: string): Inline {
  return [{ text }];
}
