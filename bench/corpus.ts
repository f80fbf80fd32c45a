/**
 * The benchmark's synthetic corpus: records made from the fictional samples in three sizes, so
 * the figures cover a short plan, a typical one and a long review with many sessions.
 *
 * - short: one goal with its problems, objectives and interventions, two sessions, and the
 *   assessment cut to its first sentence;
 * - typical: the sample as written (a 4-5 page treatment plan);
 * - long: every session five times (copies one to four days later, notes doubled), read as a
 *   plan review, whose session table then runs to dozens of rows.
 *
 * Each record gets its own record id and patient id. The copies can trip audit rules (more sessions
 * than an authorization allows), so the benchmark renders with drafts allowed, as a billing
 * service producing review documents in bulk would see some records do.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocKind } from '../src/compose/tree.js';

export type RecordSize = 'short' | 'typical' | 'long';

/** One synthetic record: its YAML text and the document it is rendered as. */
export interface CorpusRecord {
  readonly id: string;
  readonly size: RecordSize;
  readonly kind: DocKind;
  readonly text: string;
}

const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/** The sample records' texts, by name. */
export async function readSamples(): Promise<string[]> {
  const names = (await readdir(SAMPLES_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map((n) => readFile(path.join(SAMPLES_DIR, n), 'utf8')));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Row = YAMLMap<string, unknown>;
const rows = (doc: Document, key: string): Row[] => (doc.get(key) as YAMLSeq<Row> | undefined)?.items ?? [];
const refs = (row: Row, key: string): string[] => ((row.get(key) as YAMLSeq | undefined)?.toJSON() as string[]) ?? [];

/** Keeps one goal and what hangs from it, the first two sessions and a one-sentence assessment. */
function shorten(doc: Document): void {
  const goal = rows(doc, 'goals')[0];
  if (!goal) return;
  (doc.get('goals') as YAMLSeq).items = [goal];
  const problems = new Set(refs(goal, 'problems'));
  (doc.get('problems') as YAMLSeq<Row>).items = rows(doc, 'problems').filter((p) => problems.has(String(p.get('id'))));
  const objectives = new Set(
    rows(doc, 'objectives')
      .filter((o) => o.get('goal') === goal.get('id'))
      .map((o) => String(o.get('id'))),
  );
  (doc.get('objectives') as YAMLSeq<Row>).items = rows(doc, 'objectives').filter((o) =>
    objectives.has(String(o.get('id'))),
  );
  const keepTargets = (row: Row) =>
    row.set(
      'objectives',
      doc.createNode(
        refs(row, 'objectives').filter((id) => objectives.has(id)),
        { flow: true },
      ),
    );
  const interventions = rows(doc, 'interventions').filter((i) =>
    refs(i, 'objectives').some((id) => objectives.has(id)),
  );
  interventions.forEach(keepTargets);
  (doc.get('interventions') as YAMLSeq<Row>).items = interventions;
  const criteria = rows(doc, 'dischargeCriteria');
  criteria.filter((c) => c.has('objectives')).forEach(keepTargets);
  const outcomes = doc.getIn(['discharge', 'outcomes']) as YAMLSeq<Row> | undefined;
  if (outcomes) outcomes.items = outcomes.items.filter((o) => objectives.has(String(o.get('objective'))));
  const sessions = rows(doc, 'sessions').slice(0, 2);
  sessions.forEach(keepTargets);
  if (doc.has('sessions')) (doc.get('sessions') as YAMLSeq<Row>).items = sessions;
  const summary = String(doc.getIn(['assessment', 'summary']) ?? '');
  const firstSentence = /^.*?[.!?](\s|$)/.exec(summary)?.[0]?.trim();
  if (firstSentence) doc.setIn(['assessment', 'summary'], firstSentence);
}

function lengthen(doc: Document): void {
  const sessions = doc.get('sessions') as YAMLSeq | undefined;
  if (!sessions) return;
  const copies: unknown[] = [];
  for (const item of sessions.items) {
    copies.push(item);
    for (const days of [1, 2, 3, 4]) {
      const copy = doc.createNode((item as YAMLMap).toJSON()) as YAMLMap;
      copy.set('date', addDays(String(copy.get('date')), days));
      const note = copy.get('note');
      if (typeof note === 'string') copy.set('note', `${note} ${note}`);
      copy.delete('measures');
      copies.push(copy);
    }
  }
  sessions.items = copies;
}

/** A record of the given size made from a sample text, with ids numbered `n`. */
export function makeRecord(sample: string, size: RecordSize, n: number): CorpusRecord {
  const doc = parseDocument(sample);
  const id = `${String(doc.get('id'))}-${size}-${n}`;
  doc.set('id', id);
  doc.setIn(['patient', 'id'], `BENCH-${n}`);
  if (size === 'short') shorten(doc);
  if (size === 'long') lengthen(doc);
  return { id, size, kind: size === 'long' ? 'plan-review' : 'treatment-plan', text: doc.toString({ lineWidth: 0 }) };
}

/** The size of the n-th record: one in five short, one in five long, the rest typical. */
export function sizeOf(n: number): RecordSize {
  return n % 5 === 1 ? 'short' : n % 5 === 3 ? 'long' : 'typical';
}

/** `count` records cycling through the samples and the sizes. */
export function makeCorpus(samples: readonly string[], count: number): CorpusRecord[] {
  return Array.from({ length: count }, (_, n) => makeRecord(samples[n % samples.length] as string, sizeOf(n), n));
}
