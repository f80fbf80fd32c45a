// Render one record's treatment plan to PDF and DOCX buffers with the library API, as a script would.
// Run: npx tsx examples/render-one.ts samples/nguyen-2026-09.yaml 2026-11-27
import { writeFile } from 'node:fs/promises';
import {
  auditRecord,
  loadProfileRegistry,
  loadRecordFile,
  loadRenderers,
  loadTemplateSet,
  renderRecord,
} from 'goldthread';

const [file = 'samples/nguyen-2026-09.yaml', asOf = new Date().toISOString().slice(0, 10), outDir] =
  process.argv.slice(2);

const record = await loadRecordFile(file);
const registry = await loadProfileRegistry();
const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
const result = await renderRecord(record, {
  kind: 'treatment-plan',
  formats: ['pdf', 'docx'],
  profile,
  templates: loadTemplateSet(),
  asOf,
  allowDraft: false,
  audit: (r, p) => auditRecord(r, p, { asOf }),
  renderers: await loadRenderers(['pdf', 'docx']),
});

if (result.kind === 'refused') {
  console.error(
    `${record.data.id}: refused, ${result.findings.filter((f) => f.severity === 'error').length} audit error(s)`,
  );
  process.exitCode = 1;
} else {
  for (const output of result.outputs) {
    if (outDir) await writeFile(`${outDir}/${output.fileName}`, output.bytes, { mode: 0o600 });
    console.log(`${output.fileName} ${output.bytes.length} bytes sha256:${output.sha256}`);
  }
}
