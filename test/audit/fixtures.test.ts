import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { auditRecords } from '../../src/audit/audit.js';
import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import { loadRecordText } from '../../src/load/record.js';
import type { Finding } from '../../src/model/finding.js';
import type { RecordData } from '../../src/model/record.js';
import { loadProfileRegistry, type ProfileRegistry } from '../../src/payers/registry.js';
import { applyEdits, type Edit } from './fixture-edits.js';

/**
 * The data-driven rule suite. Each rule has a folder `fixtures/<family>/<rule-name>/` of records
 * that must trigger it (`fires-*.yaml`) and near misses that must not (`quiet-*.yaml`), each a few
 * edits to `fixtures/base.yaml`, audited with the built-in payer profiles. See fixtures/README.md.
 */

const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PAYERS = ['aetna', 'bcbs', 'medicare', 'optum'] as const;
const DEFAULT_AS_OF = '2026-11-27';

const editSchema = z.union([
  z.strictObject({ set: z.string(), value: z.unknown() }),
  z.strictObject({ remove: z.string() }),
  z.strictObject({ append: z.string(), value: z.unknown() }),
]);
const fixtureSchema = z.strictObject({
  about: z.string().min(1),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  payers: z.array(z.enum(PAYERS)).min(1).optional(),
  path: z.string().optional(),
  edits: z.array(editSchema).default([]),
  others: z.array(z.strictObject({ edits: z.array(editSchema) })).optional(),
  /** Profile values laid over the built-in payer's (one level deep), for parameters no built-in sets. */
  profile: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
type Fixture = z.output<typeof fixtureSchema>;

const base: unknown = parse(readFileSync(`${FIXTURES_DIR}base.yaml`, 'utf8'));
let registry: ProfileRegistry;
beforeAll(async () => {
  registry = await loadProfileRegistry();
});

/** Audits the fixture's record (with any others in the same batch) for a payer; its own findings. */
function auditFixture(name: string, fixture: Fixture, payer: string): Finding[] {
  const batches = [fixture.edits, ...(fixture.others ?? []).map((o) => o.edits)];
  const items = batches.map((edits, i) => {
    const data = applyEdits(base, [{ set: 'coverage.payer', value: payer }, ...(edits as Edit[])]);
    const record = loadRecordText(JSON.stringify(data), `${name}#${i}`);
    const resolved = registry.resolve(payer, record.data.plan.effectiveDate);
    const overlay = Object.fromEntries(
      Object.entries(fixture.profile ?? {}).map(([key, value]) => [
        key,
        { ...(resolved as unknown as Record<string, object>)[key], ...value },
      ]),
    );
    return { record, profile: { ...resolved, ...overlay } as typeof resolved };
  });
  const findings = auditRecords(items, { asOf: fixture.asOf ?? DEFAULT_AS_OF })[0] ?? [];
  expectNoPatientData(
    findings,
    items.map((i) => i.record.data),
  );
  return findings;
}

/** No finding may carry a patient's identifiers: names, record number, member id, date of birth. */
function expectNoPatientData(findings: readonly Finding[], records: readonly RecordData[]): void {
  const identifiers = records.flatMap((r) => [
    r.patient.name.given,
    r.patient.name.family,
    r.patient.id,
    r.patient.dob,
    r.coverage.memberId,
    ...(r.patient.guardian ? [r.patient.guardian.name] : []),
  ]);
  for (const finding of findings) {
    const text = `${finding.path} ${finding.message} ${finding.hint ?? ''}`;
    for (const identifier of identifiers) expect(text).not.toContain(identifier);
  }
}

function readFixture(name: string): Fixture {
  try {
    return fixtureSchema.parse(parse(readFileSync(`${FIXTURES_DIR}${name}`, 'utf8')));
  } catch (error) {
    throw new Error(`fixture ${name} is malformed: ${String(error)}`);
  }
}

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.path}`);

describe('the base record', () => {
  it.each(PAYERS)('is audit-clean for %s', (payer) => {
    expect(describeFindings(auditFixture('base', { about: 'base', edits: [] }, payer))).toEqual([]);
  });
});

const ruleFolders = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((family) => family.isDirectory())
  .flatMap((family) =>
    readdirSync(`${FIXTURES_DIR}${family.name}`, { withFileTypes: true })
      .filter((rule) => rule.isDirectory())
      .map((rule) => `${family.name}/${rule.name}`),
  )
  .sort();

describe('fixture coverage', () => {
  it('has a folder with a firing case and a near miss for every rule in the catalogue', () => {
    const covered = ruleFolders.filter((folder) => {
      const files = readdirSync(`${FIXTURES_DIR}${folder}`);
      return files.some((f) => f.startsWith('fires-')) && files.some((f) => f.startsWith('quiet-'));
    });
    expect(covered).toEqual(RULE_CATALOGUE.map((r) => r.id).sort());
  });
});

for (const ruleId of ruleFolders) {
  describe(ruleId, () => {
    const files = readdirSync(`${FIXTURES_DIR}${ruleId}`)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    for (const file of files) {
      const fixture = readFixture(`${ruleId}/${file}`);
      const fires = file.startsWith('fires-');
      if (!fires && !file.startsWith('quiet-'))
        throw new Error(`${ruleId}/${file}: name must start with fires- or quiet-`);
      it.each(fixture.payers ?? PAYERS)(`${file} (%s): ${fixture.about}`, (payer) => {
        const findings = auditFixture(`${ruleId}/${file}`, fixture, payer).filter((f) => f.rule === ruleId);
        if (!fires) {
          expect(describeFindings(findings)).toEqual([]);
          return;
        }
        expect(findings.length).toBeGreaterThan(0);
        if (fixture.path !== undefined) expect(findings.map((f) => f.path)).toContain(fixture.path);
        for (const finding of findings) {
          expect(finding.hint).toBeTruthy();
          expect(finding.source).toBeTruthy();
        }
      });
    }
  });
}
