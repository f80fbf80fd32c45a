import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BatchSettings, type RecordContext, type RecordJob, runRecordJob } from '../../src/batch/record-job.js';
import { main } from '../../src/cli/main.js';
import { loadTemplateSet } from '../../src/compose/templates.js';
import { loadProfileRegistry } from '../../src/payers/registry.js';
import { loadRenderers } from '../../src/pipeline/renderers.js';
import { capturedIo } from '../support/captured-io.js';
import { AS_OF, ROOT, sampleTexts, tempFolder } from './support.js';

let context: Omit<RecordContext, 'settings'>;
let okafor: string;
let castellanos: string;

beforeAll(async () => {
  context = {
    registry: await loadProfileRegistry(),
    templates: loadTemplateSet(),
    renderers: await loadRenderers(['pdf', 'html']),
  };
  const samples = await sampleTexts();
  okafor = samples.find((s) => s.name.startsWith('okafor'))?.text ?? '';
  castellanos = samples.find((s) => s.name.startsWith('castellanos'))?.text ?? '';
});

function settings(outDir: string, over: Partial<BatchSettings> = {}): BatchSettings {
  return {
    outDir,
    kind: 'treatment-plan',
    formats: ['pdf', 'html'],
    asOf: AS_OF,
    allowDraft: false,
    force: false,
    profilesSha256: 'profiles',
    templatesSha256: 'templates',
    tool: 'test',
    ...over,
  };
}

function job(text: string, expectedId: string, over: Partial<RecordJob> = {}): RecordJob {
  return { origin: { label: 'in/record.yaml' }, text, expectedId, candidates: [], ...over };
}

describe('runRecordJob', () => {
  it('writes the same bytes `goldthread render` does, mode 0600, with their hashes', async () => {
    const out = await tempFolder();
    const { outcome, entries } = await runRecordJob(job(okafor, 'okafor-2026-09'), {
      ...context,
      settings: settings(out),
    });
    expect(outcome.status).toBe('rendered');
    expect(entries.map((e) => e.fileName)).toEqual([
      'okafor-2026-09.treatment-plan.pdf',
      'okafor-2026-09.treatment-plan.html',
    ]);

    const viaRender = await tempFolder();
    const io = capturedIo(ROOT);
    const code = await main(
      ['render', 'samples/okafor-2026-09.yaml', '--format', 'pdf,html', '--out', viaRender, '--as-of', AS_OF],
      io,
    );
    expect(code).toBe(0);
    for (const entry of entries) {
      const mine = await readFile(path.join(out, entry.fileName));
      expect(mine.equals(await readFile(path.join(viaRender, entry.fileName)))).toBe(true);
      expect(io.out()).toContain(`sha256:${entry.sha256}`);
      expect((await stat(path.join(out, entry.fileName))).mode & 0o777).toBe(0o600);
    }
  });

  it('skips a record whose documents match the manifest, and renders again when its profile changed', async () => {
    const out = await tempFolder();
    const ctx = { ...context, settings: settings(out) };
    const first = await runRecordJob(job(okafor, 'okafor-2026-09'), ctx);
    const pdf = path.join(out, 'okafor-2026-09.treatment-plan.pdf');
    const before = (await stat(pdf)).mtimeMs;

    const again = await runRecordJob(job(okafor, 'okafor-2026-09', { candidates: first.entries }), ctx);
    expect(again.outcome.status).toBe('skipped');
    expect(again.entries).toEqual([]);
    expect((await stat(pdf)).mtimeMs).toBe(before);

    const otherProfile = first.entries.map((e) => ({ ...e, profileSha256: 'an older profile' }));
    const changed = await runRecordJob(job(okafor, 'okafor-2026-09', { candidates: otherProfile }), ctx);
    expect(changed.outcome.status).toBe('rendered');

    const forced = await runRecordJob(job(okafor, 'okafor-2026-09', { candidates: first.entries }), {
      ...context,
      settings: settings(out, { force: true }),
    });
    expect(forced.outcome.status).toBe('rendered');
  });

  it('refuses a record with audit errors, naming the rules, unless drafts are allowed', async () => {
    const out = await tempFolder();
    const late = settings(out, { asOf: '2028-01-01', formats: ['html'] });
    const refused = await runRecordJob(job(okafor, 'okafor-2026-09'), { ...context, settings: late });
    expect(refused.outcome.status).toBe('refused');
    if (refused.outcome.status !== 'refused') return;
    expect(refused.outcome.errors.map((e) => e.rule)).toContain('plan/expired');
    const draft = await runRecordJob(job(okafor, 'okafor-2026-09'), {
      ...context,
      settings: { ...late, allowDraft: true },
    });
    expect(draft.outcome).toMatchObject({ status: 'rendered', draft: true });
  });

  it('fails a record that does not load with its location and code, never its text', async () => {
    const out = await tempFolder();
    const broken = okafor.replace(/^(\s+dob: ).*$/m, '$1the day after tomorrow');
    const { outcome } = await runRecordJob(job(broken, 'okafor-2026-09'), { ...context, settings: settings(out) });
    expect(outcome).toMatchObject({
      status: 'failed',
      id: 'okafor-2026-09',
      failure: {
        code: 'schema',
        file: 'in/record.yaml',
        path: 'patient.dob',
        line: expect.any(Number),
        column: expect.any(Number),
      },
    });
    expect(JSON.stringify(outcome)).not.toContain('tomorrow');
  });

  it('names an NDJSON line at its own line of the file', async () => {
    const out = await tempFolder();
    const origin = { label: 'in/all.ndjson:7', ndjson: { fileLabel: 'in/all.ndjson', line: 7 } };
    const { outcome } = await runRecordJob(job('{"id": "x-1", "format": 3}', 'x-1', { origin }), {
      ...context,
      settings: settings(out),
    });
    expect(outcome).toMatchObject({ status: 'failed', failure: { file: 'in/all.ndjson', line: 7 } });
  });

  it.each([
    ['id-mismatch', (t: string) => t, 'someone-else'],
    ['unknown-payer', (t: string) => t.replace(/^(\s+payer: ).*$/m, '$1no-such-payer'), 'okafor-2026-09'],
  ])('fails with %s', async (code, edit, expectedId) => {
    const out = await tempFolder();
    const { outcome } = await runRecordJob(job(edit(okafor), expectedId), { ...context, settings: settings(out) });
    expect(outcome).toMatchObject({ status: 'failed', failure: { code } });
  });

  it('fails a discharge summary for a record with no discharge, and renders one that has it', async () => {
    const out = await tempFolder();
    const ctx = { ...context, settings: settings(out, { kind: 'discharge-summary', formats: ['html'] }) };
    const none = await runRecordJob(job(okafor, 'okafor-2026-09'), ctx);
    expect(none.outcome).toMatchObject({ status: 'failed', failure: { code: 'no-discharge', path: 'discharge' } });
    const discharged = await runRecordJob(job(castellanos, 'castellanos-2026-09'), ctx);
    expect(discharged.outcome.status).toBe('rendered');
  });

  it('fails with the system error code when a document cannot be written', async () => {
    const dir = await tempFolder();
    const notAFolder = path.join(dir, 'file');
    await writeFile(notAFolder, '');
    const { outcome, entries } = await runRecordJob(job(okafor, 'okafor-2026-09'), {
      ...context,
      settings: settings(notAFolder, { formats: ['html'] }),
    });
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'write-failed', detail: 'ENOTDIR' } });
    expect(entries).toEqual([]);
  });
});
