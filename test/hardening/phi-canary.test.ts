import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LoadError } from '../../src/errors.js';
import { loadRecordText } from '../../src/load/record.js';
import { CANARY, canaryData, canaryMarkers, marker } from './canary-record.js';
import { type CliResult, runBin, runMain } from './cli-run.js';
import { AS_OF, readDocx } from './documents.js';
import { type RecordData, setAt } from './record-data.js';

const work = mkdtempSync(path.join(tmpdir(), 'goldthread-canary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const toYaml = (data: RecordData) => stringify(data, { lineWidth: 0 });
const write = (name: string, text: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  writeFileSync(path.join(work, name), text);
  return name;
};

/** Replaces the one line holding `needle` in `text`. */
function replaceLine(text: string, needle: string, line: (old: string) => string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(needle));
  if (at < 0 || lines.findIndex((l, i) => i > at && l.includes(needle)) >= 0)
    throw new Error(`${needle}: not one line`);
  lines[at] = line(lines[at] as string);
  return lines.join('\n');
}

function edited(edit: (data: RecordData) => void): RecordData {
  const data = canaryData();
  edit(data);
  return data;
}

const CLEAN = toYaml(canaryData());
const SUMMARY = marker(['assessment', 'summary']);

/** Copies that cannot be loaded, each with marker text beside (or inside) what is wrong. */
const BROKEN: Readonly<Record<string, string | Uint8Array>> = {
  'date-holds-text.yaml': toYaml(edited((d) => setAt(d, ['patient', 'dob'], marker(['patient', 'dob'])))),
  'enum-holds-text.yaml': toYaml(edited((d) => setAt(d, ['patient', 'sex'], marker(['patient', 'sex'])))),
  'number-holds-text.yaml': toYaml(
    edited((d) => setAt(d, ['coverage', 'authorization', 'sessionsApproved'], marker(['sessionsApproved']))),
  ),
  'text-where-list.yaml': toYaml(edited((d) => setAt(d, ['strengths'], marker(['strengths'])))),
  'text-where-object.yaml': toYaml(edited((d) => setAt(d, ['patient', 'name'], marker(['patient', 'name'])))),
  'control-character.yaml': toYaml(
    edited((d) => setAt(d, ['goals', 1, 'statement'], `${marker(['goals', 1, 'statement'])}\u001b[31m`)),
  ),
  'dangling-reference.yaml': toYaml(edited((d) => setAt(d, ['goals', 0, 'problems'], ['P9']))),
  'duplicate-key.yaml': replaceLine(CLEAN, SUMMARY, (l) => `${l}\n  summary: ${marker(['summary', 'again'])}`),
  'unclosed-quote.yaml': replaceLine(CLEAN, SUMMARY, (l) => l.replace(SUMMARY, `"${SUMMARY}`)),
  'stray-text-line.yaml': replaceLine(CLEAN, SUMMARY, (l) => `${l}\n${CANARY} stray line 7f3a: of the summary`),
  'stray-plain-line.yaml': replaceLine(CLEAN, SUMMARY, (l) => `${l}\n ${CANARY} stray text without a colon`),
  'invalid-utf8.yaml': Buffer.concat([Buffer.from(CLEAN.replace(SUMMARY, `${SUMMARY} `)), Buffer.from([0xff, 0x0a])]),
  'unknown-payer.yaml': toYaml(edited((d) => setAt(d, ['coverage', 'payer'], 'no-such-payer'))),
};

/** A copy (with its own id) the audit finds an error in: objective O3 loses its target date. */
const AUDIT_ERROR = toYaml(
  edited((d) => {
    d.id = 'audit-error';
    delete d.objectives[2].targetDate;
  }),
);

/** The text contains no marker, not even the start of one (markers are upper case; this file's name is not). */
function expectNoMarker(text: string, where: string): void {
  expect(text.includes(CANARY), `${where} holds no marker`).toBe(false);
}

/**
 * Runs a command line (words split on spaces) in the work folder; what it prints must hold no
 * marker and no internal error.
 */
async function cli(name: string, line: string, stdin = ''): Promise<CliResult> {
  const result = await runMain(line.split(' '), work, stdin);
  expectNoMarker(result.stdout, `${name}: stdout`);
  expectNoMarker(result.stderr, `${name}: stderr`);
  expect(result.stderr, `${name}: not an internal error`).not.toMatch(/internal error/);
  return result;
}

beforeAll(() => {
  write('clean.yaml', CLEAN);
  write('audit-error.yaml', AUDIT_ERROR);
  write('open/clean-open.yaml', toYaml(edited((d) => delete d.discharge)));
  for (const [name, text] of Object.entries(BROKEN)) write(`broken/${name}`, text);
  write(
    'mixed.ndjson',
    `${JSON.stringify(canaryData())}\n${JSON.stringify(edited((d) => setAt(d, ['patient', 'dob'], marker(['dob']))))}\n{"id": "${CANARY}-ndjson-7f3a",\n`,
  );
});

/** Keys whose values are ids, codes, dates, numbers or enum words: structure, never free text. */
const STRUCTURAL_KEYS = new Set(
  (
    'format id dob sex payer npi supervised date cpt instrument score suicide homicide code rank diagnoses domain ' +
    'problems goal objectives objective measure baseline target direction targetDate status type minutes count per ' +
    'levelOfCare weeks months kind version effectiveDate nextReviewDate priorPlanDate role signedOn reason final ' +
    'start end sessionsApproved'
  ).split(' '),
);

describe('the PHI canary record', () => {
  it('has a marker in every free-text value: only ids, codes, dates, numbers and enum words are left', () => {
    const unmarked: string[] = [];
    const walk = (value: unknown, at: (string | number)[]) => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i]));
      else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) walk(child, [...at, key]);
      } else if (typeof value === 'string' && !value.includes(CANARY)) {
        const key = [...at].reverse().find((k) => typeof k === 'string') as string;
        if (!STRUCTURAL_KEYS.has(key)) unmarked.push(at.join('.'));
      }
    };
    walk(canaryData(), []);
    expect(unmarked).toEqual([]);
  });
});

describe('the PHI canary: markers reach the documents and nothing else', () => {
  it('audit, as text and as JSON, of a clean record and of one with an audit error', async () => {
    const text = await cli('audit text', `audit clean.yaml audit-error.yaml --as-of ${AS_OF}`);
    expect(text.exit).toBe(1);
    expect(text.stdout).toContain('smart/no-target-date');
    const json = await cli('audit json', 'audit clean.yaml audit-error.yaml --format json');
    expect(JSON.parse(json.stdout).records).toHaveLength(2);
  });

  it('audit of every broken copy, as text and as JSON, and of an NDJSON file', async () => {
    const text = await cli('audit broken text', 'audit broken mixed.ndjson');
    expect(text.exit).toBe(2);
    for (const name of Object.keys(BROKEN)) expect(text.stdout).toContain(`broken/${name}:`);
    const json = await cli('audit broken json', 'audit broken mixed.ndjson --format json');
    const records = JSON.parse(json.stdout).records as { error?: unknown }[];
    expect(records.filter((r) => r.error !== undefined)).toHaveLength(Object.keys(BROKEN).length + 2);
  });

  it('render of a clean record, with the audit trail', async () => {
    const result = await cli(
      'render clean',
      'render clean.yaml --format pdf,docx,html --out out --audit-log trail.jsonl',
    );
    expect(result.exit).toBe(0);
    const discharge = await cli(
      'render discharge',
      'render clean.yaml --doc discharge-summary --format docx,html --out out --audit-log trail.jsonl',
    );
    expect(discharge.exit).toBe(0);
    expect(readdirSync(path.join(work, 'out'))).toHaveLength(5);
  });

  it('render of a record with an audit error: refused with its findings, then as a draft', async () => {
    const refused = await cli('render refused', 'render audit-error.yaml --out out --audit-log trail.jsonl');
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toContain('smart/no-target-date');
    const draft = await cli(
      'render draft',
      'render audit-error.yaml --allow-draft --format pdf,html --out drafts --audit-log trail.jsonl',
    );
    expect(draft.exit).toBe(0);
    expect(draft.stderr).toContain('DRAFT');
  });

  it('render of every broken copy, from files and from standard input', async () => {
    const result = await cli(
      'render broken',
      'render broken mixed.ndjson --format html --out out-broken --audit-log trail.jsonl',
    );
    expect(result.exit).toBe(2);
    for (const name of Object.keys(BROKEN)) expect(result.stderr).toContain(`broken/${name}`);
    const stdin = await cli(
      'render stdin',
      'render - --format html --out out-broken',
      String(BROKEN['duplicate-key.yaml']),
    );
    expect(stdin.exit).toBe(2);
    expect(stdin.stderr).toMatch(/^<stdin>:\d+:\d+: /);
  });

  it('due, as text, JSON and CSV, over open, closed and broken records', async () => {
    for (const format of ['text', 'json', 'csv']) {
      const result = await cli(`due ${format}`, `due open clean.yaml broken --within 30 --format ${format}`);
      expect(result.exit).toBe(2);
      expect(result.stdout).toContain('whitfield-2026-09');
    }
  });

  it('the audit trail holds ids and hashes for every render, and no marker', () => {
    const trail = readFileSync(path.join(work, 'trail.jsonl'), 'utf8');
    expectNoMarker(trail, 'the audit trail');
    const entries = trail
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { result: string });
    // clean x2, refused, draft, every broken copy, and the three NDJSON lines (one renders).
    expect(entries).toHaveLength(4 + Object.keys(BROKEN).length + 3);
    expect(entries.map((e) => e.result)).toEqual(expect.arrayContaining(['rendered', 'refused', 'draft', 'failed']));
  });

  it('the load errors thrown for broken copies carry no marker in message, issues or stack', () => {
    for (const [name, text] of Object.entries(BROKEN)) {
      if (typeof text !== 'string' || name === 'unknown-payer.yaml') continue;
      let caught: unknown;
      try {
        loadRecordText(text, name);
      } catch (error) {
        caught = error;
      }
      expect(caught, name).toBeInstanceOf(LoadError);
      const error = caught as LoadError;
      expectNoMarker(`${error.message}\n${error.stack}\n${JSON.stringify(error.issues)}`, `${name}: the error`);
    }
  });

  it('every printed field reaches the documents', () => {
    const out = path.join(work, 'out');
    const html = ['treatment-plan', 'discharge-summary']
      .map((kind) => readFileSync(path.join(out, `whitfield-2026-09.${kind}.html`), 'utf8'))
      .join('\n');
    const docx = ['treatment-plan', 'discharge-summary']
      .map((kind) =>
        readDocx(readFileSync(path.join(out, `whitfield-2026-09.${kind}.docx`))).body.paragraphs.join('\n'),
      )
      .join('\n');
    const { printed } = canaryMarkers();
    expect(
      printed.filter((m) => !html.includes(m)),
      'markers missing from the HTML',
    ).toEqual([]);
    expect(
      printed.filter((m) => !docx.includes(m)),
      'markers missing from the DOCX',
    ).toEqual([]);
    expect(existsSync(path.join(work, 'drafts', 'audit-error.treatment-plan.html'))).toBe(true);
  });
});

describe('a stray line whose key is patient data', () => {
  // Bug: an unknown key close to a field name is quoted with a "did you mean" hint and put in the
  // path, whatever it looks like; a narrative line that lost its indentation ("Dane: ...") then
  // prints the patient's name. Keys that do not look like field names should only be pointed at.
  it('a first name on a line that lost its indentation is pointed at, not quoted', async () => {
    const example = readFileSync(new URL('../fixtures/contract-example.yaml', import.meta.url), 'utf8');
    write('stray-key.yaml', example.replace('patient:\n', 'patient:\n  Dane: Whitfield reports better sleep\n'));
    const result = await runMain(['audit', 'stray-key.yaml'], work);
    expect(result.exit).toBe(2);
    expect(result.stdout).toMatch(/^stray-key\.yaml:5:3: error schema /);
    expect(result.stdout).not.toContain('Dane');
  });
});

describe('the PHI canary through the installed command', () => {
  it('render and audit over every copy print no marker', async () => {
    const render = await runBin(['render', '.', '--format', 'html', '--out', 'bin-out', '--as-of', AS_OF], work);
    expect(render.exit).toBe(2);
    expect(render.stdout).toContain('bin-out/whitfield-2026-09.treatment-plan.html');
    const audit = await runBin(['audit', '.', '--format', 'json', '--as-of', AS_OF], work);
    expect(audit.exit).toBe(2);
    for (const run of [render, audit]) {
      expectNoMarker(run.stdout, 'stdout');
      expectNoMarker(run.stderr, 'stderr');
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  }, 120_000);

  it('batch, with its report as JSON and as CSV', async () => {
    for (const report of ['report.json', 'report.csv']) {
      const line = `batch clean.yaml audit-error.yaml broken --out batch-${report} --format html --jobs 2 --report ${report} --as-of ${AS_OF}`;
      const run = await runBin(line.split(' '), work);
      expect(run.exit).toBe(1);
      expectNoMarker(run.stdout, `batch ${report}: stdout`);
      expectNoMarker(run.stderr, `batch ${report}: stderr`);
      const written = readdirSync(work).filter((f) => f.startsWith('report.'));
      expect(written.length).toBeGreaterThan(0);
      for (const file of written) expectNoMarker(readFileSync(path.join(work, file), 'utf8'), file);
      // The batch's manifest (and anything else it keeps beside the documents) holds no marker either.
      const kept = readdirSync(path.join(work, `batch-${report}`)).filter((f) => !/\.(html|pdf|docx)$/.test(f));
      expect(kept.length).toBeGreaterThan(0);
      for (const file of kept) expectNoMarker(readFileSync(path.join(work, `batch-${report}`, file), 'utf8'), file);
    }
    expect(readdirSync(work)).toEqual(expect.arrayContaining(['report.json', 'report.csv']));
    const report = JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ rendered: 1, refused: 1, failed: Object.keys(BROKEN).length });
  }, 180_000);
});
