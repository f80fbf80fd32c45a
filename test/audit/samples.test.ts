import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { auditRecords } from '../../src/audit/audit.js';
import { expandInputs, loadAll } from '../../src/load/inputs.js';
import { loadProfileRegistry } from '../../src/payers/registry.js';

/** The samples are meant to be audit-clean for their payers as of the date the repository renders them on. */
const SAMPLES_AS_OF = '2026-11-27';

it(`audits every sample clean, together, for its own payer as of ${SAMPLES_AS_OF}`, async () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const outcomes = await loadAll(
    await expandInputs(['samples'], { cwd: root, readStdin: async () => new Uint8Array() }),
  );
  const registry = await loadProfileRegistry();
  expect(outcomes.length).toBeGreaterThan(0);
  const items = outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    const { record } = outcome;
    return { record, profile: registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate) };
  });
  const findings = auditRecords(items, { asOf: SAMPLES_AS_OF }).flatMap((list, i) =>
    list.map((f) => `${items[i]?.record.source}: ${f.severity} ${f.rule} ${f.path}`),
  );
  expect(findings).toEqual([]);
});
