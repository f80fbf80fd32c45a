/**
 * A PDF incremental update (ISO 32000-1 §7.5.6): changed and new objects appended after the
 * original bytes, with a cross-reference section for just those objects and a trailer pointing
 * back (/Prev) at the previous one. The original bytes stay untouched, so a signature over them
 * stays valid after a later signature is added.
 */
import { SigningError } from './signing-error.js';

/** An object to write in the update: its number and its serialized value (without `obj`/`endobj`). */
export interface UpdatedObject {
  readonly objectNumber: number;
  readonly body: Uint8Array;
}

/** The trailer of the update; references as `N 0 R` text, the /ID halves as hex. */
export interface UpdateTrailer {
  readonly size: number;
  readonly root: string;
  readonly info?: string;
  readonly id: readonly [string, string];
}

/** The updated file and where each object's body starts in it. */
export interface AppendedUpdate {
  readonly bytes: Buffer;
  readonly bodyOffsets: ReadonlyMap<number, number>;
}

/** Offset of the last cross-reference section, refusing files whose last section is a stream. */
export function lastCrossReferenceOffset(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const offset = match ? Number(match[1]) : Number.NaN;
  const section = Buffer.from(pdf.subarray(offset, offset + 4)).toString('latin1');
  if (!Number.isSafeInteger(offset) || section !== 'xref') {
    throw new SigningError(
      'unsupported-pdf',
      'the PDF ends in a cross-reference stream or is damaged; goldthread signs PDFs it rendered (or signed) itself',
    );
  }
  return offset;
}

/** The original bytes followed by the update holding `objects`. */
export function appendIncrementalUpdate(
  original: Uint8Array,
  objects: readonly UpdatedObject[],
  trailer: UpdateTrailer,
): AppendedUpdate {
  const previous = lastCrossReferenceOffset(original);
  const parts: Buffer[] = [Buffer.from(original)];
  let length = original.length;
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  // pdf-lib ends a file right after %%EOF; an update must start on a line of its own.
  if (original[original.length - 1] !== 0x0a) push(Buffer.from('\n'));

  const sorted = [...objects].sort((a, b) => a.objectNumber - b.objectNumber);
  const objectOffsets = new Map<number, number>();
  const bodyOffsets = new Map<number, number>();
  for (const object of sorted) {
    objectOffsets.set(object.objectNumber, length);
    const head = Buffer.from(`${object.objectNumber} 0 obj\n`, 'latin1');
    push(head);
    bodyOffsets.set(object.objectNumber, length);
    push(Buffer.from(object.body));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }

  const xrefOffset = length;
  const lines = ['xref'];
  for (const run of consecutiveRuns(sorted.map((o) => o.objectNumber))) {
    lines.push(`${run[0]} ${run.length}`);
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, "n", space, newline.
    for (const n of run) lines.push(`${String(objectOffsets.get(n)).padStart(10, '0')} 00000 n `);
  }
  const entries = [`/Size ${trailer.size}`, `/Root ${trailer.root}`];
  if (trailer.info !== undefined) entries.push(`/Info ${trailer.info}`);
  entries.push(`/ID [<${trailer.id[0]}> <${trailer.id[1]}>]`, `/Prev ${previous}`);
  lines.push('trailer', `<< ${entries.join(' ')} >>`, 'startxref', String(xrefOffset), '%%EOF', '');
  push(Buffer.from(lines.join('\n'), 'latin1'));
  return { bytes: Buffer.concat(parts, length), bodyOffsets };
}

function consecutiveRuns(sortedNumbers: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const n of sortedNumbers) {
    const run = runs[runs.length - 1];
    if (run !== undefined && run[run.length - 1] === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs;
}
