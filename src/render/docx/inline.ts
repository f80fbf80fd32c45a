/**
 * Runs of literal text as DOCX runs: a newline becomes a line break and a tab a tab, so text keeps
 * the shape it was written in. Nothing in the text is interpreted.
 */
import { Tab, TextRun } from 'docx';
import type { Inline, Run } from '../../compose/tree.js';

/** Run formatting a caller can add on top of a run's own bold/italic. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
}

/** The text of one line as strings and tabs, the way a docx run takes its children. */
function lineChildren(line: string): (string | Tab)[] {
  const children: (string | Tab)[] = [];
  line.split('\t').forEach((piece, index) => {
    if (index > 0) children.push(new Tab());
    if (piece !== '') children.push(piece);
  });
  return children;
}

/** One tree run as docx runs: one per line, each after the first starting with a line break. */
export function textRuns(run: Run, format: RunFormat = {}): TextRun[] {
  const lines = run.text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map(
    (line, index) =>
      new TextRun({
        children: lineChildren(line),
        ...(index > 0 ? { break: 1 } : {}),
        ...(run.bold || format.bold ? { bold: true } : {}),
        ...(run.italic || format.italics ? { italics: true } : {}),
        ...(format.color === undefined ? {} : { color: format.color }),
      }),
  );
}

/** Inline content (several runs) as docx runs. */
export function inlineRuns(inline: Inline, format: RunFormat = {}): TextRun[] {
  return inline.flatMap((run) => textRuns(run, format));
}

/** A plain string (a label, a name) as docx runs. */
export function plainRuns(text: string, format: RunFormat = {}): TextRun[] {
  return textRuns({ text }, format);
}
