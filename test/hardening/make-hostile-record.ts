/**
 * Writes a record full of hostile but legal text, for checks with real clients (qpdf, pdftotext,
 * LibreOffice) that the unit tests cannot make:
 *
 *   npx tsx test/hardening/make-hostile-record.ts OUT.yaml     (or OUT.json)
 *   node bin/goldthread.js render OUT.yaml --as-of 2026-11-27 --format pdf,docx,html --out DIR
 *   node bin/goldthread.js render OUT.yaml --as-of 2026-11-27 --doc discharge-summary --format pdf,docx,html --out DIR
 *
 * The record keeps the example record's ids, codes and dates, so it audits clean and renders
 * without --allow-draft; its id is `hostile-text`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { longNarrative, longWord, SHORT_HOSTILE_TEXTS, withTexts } from './hostile-text.js';
import { exampleData, type RecordData, setAt } from './record-data.js';

/** The example record with every hostile text in a field of its own. */
export function hostileRecordData(): RecordData {
  const data = withTexts(exampleData(), SHORT_HOSTILE_TEXTS);
  data.id = 'hostile-text';
  // A long word in a narrow table cell; a long narrative in a label/value grid and in the discharge summary.
  setAt(data, ['interventions', 1, 'description'], longWord(6000));
  setAt(data, ['assessment', 'risk', 'notes'], longNarrative(30_000));
  setAt(data, ['discharge', 'summary'], `${longNarrative(20_000)}\n\n${longWord(3000)}`);
  setAt(data, ['problems', 1, 'statement'], `Worry\tabout work,\n  with a tab, an indented line\nand ${longWord(400)}`);
  return data;
}

/** The record as file text: YAML for .yaml/.yml, JSON otherwise. */
export function hostileRecordText(file: string): string {
  const data = hostileRecordData();
  return /\.ya?ml$/.test(file) ? stringify(data, { lineWidth: 0 }) : `${JSON.stringify(data, null, 2)}\n`;
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === path.resolve(import.meta.dirname, 'make-hostile-record.ts')) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx test/hardening/make-hostile-record.ts OUT.yaml|OUT.json\n');
    process.exit(2);
  }
  writeFileSync(out, hostileRecordText(out), { mode: 0o600 });
  process.stderr.write(`wrote ${out} (record id hostile-text)\n`);
}
