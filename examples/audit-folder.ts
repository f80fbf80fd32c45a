// Audit every record in a folder and print a one-line summary per record, as a nightly script would.
// Run: npx tsx examples/audit-folder.ts samples 2026-11-27
import { auditRecords, expandInputs, loadAll, loadProfileRegistry } from 'goldthread';

const [folder = 'samples', asOf = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);

const outcomes = await loadAll(
  await expandInputs([folder], { cwd: process.cwd(), readStdin: async () => new Uint8Array() }),
);
const registry = await loadProfileRegistry();
const loaded = outcomes.flatMap((o) => (o.ok ? [o.record] : []));
const items = loaded.map((record) => ({
  record,
  profile: registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate),
}));
const findings = auditRecords(items, { asOf });

for (const outcome of outcomes) {
  if (!outcome.ok)
    console.log(
      `${outcome.source.label}\tload error\t${outcome.error.first.code} at ${outcome.error.first.line}:${outcome.error.first.column}`,
    );
}
items.forEach(({ record }, i) => {
  const list = findings[i] ?? [];
  const errors = list.filter((f) => f.severity === 'error').length;
  console.log(`${record.data.id}\t${errors} error(s)\t${list.length - errors} other finding(s)`);
});
