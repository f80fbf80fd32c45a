import { spawnSync } from 'node:child_process';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentInputs } from '../../src/batch/fingerprint.js';
import { sha256Hex } from '../../src/batch/fingerprint.js';
import {
  journalName,
  Manifest,
  type ManifestEntry,
  removeStaleTemps,
  sameInputs,
  upToDateEntries,
} from '../../src/batch/manifest.js';
import { tempFolder } from './support.js';

const inputs: DocumentInputs = {
  recordSha256: 'r1',
  profileSha256: 'p1',
  profilesSha256: 'pf1',
  templatesSha256: 't1',
  tool: '0.1.0',
  asOf: '2026-11-27',
  allowDraft: false,
};

function entry(id: string, format: 'pdf' | 'docx', bytes: string, over: Partial<ManifestEntry> = {}): ManifestEntry {
  const fileName = `${id}.treatment-plan.${format}`;
  return { ...inputs, id, kind: 'treatment-plan', format, fileName, sha256: sha256Hex(bytes), draft: false, ...over };
}

describe('the batch manifest', () => {
  it('remembers what each document was made from across runs, newest first', async () => {
    const out = await tempFolder();
    const first = await Manifest.open(out, journalName(undefined));
    await first.record([entry('a', 'pdf', 'A1'), entry('a', 'docx', 'A1d')]);
    await first.record([entry('a', 'pdf', 'A2')]);
    await first.close();
    const second = await Manifest.open(out, journalName(undefined));
    const pdfs = second.candidates('a', 'treatment-plan', ['pdf']);
    expect(pdfs.map((e) => e.sha256)).toEqual([sha256Hex('A2')]);
    expect(second.candidates('a', 'treatment-plan', ['pdf', 'docx'])).toHaveLength(2);
    expect(second.candidates('a', 'discharge-summary', ['pdf'])).toEqual([]);
    // Compaction kept one line per document.
    const lines = (await readFile(path.join(out, '.goldthread-batch.ndjson'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });

  it('ignores a line cut short by a killed run and names that escape the folder', async () => {
    const out = await tempFolder();
    const good = JSON.stringify(entry('a', 'pdf', 'A'));
    const escaping = JSON.stringify(entry('b', 'pdf', 'B', { fileName: '../b.pdf' }));
    await writeFile(path.join(out, '.goldthread-batch.ndjson'), `${good}\n${escaping}\n${good.slice(0, 40)}`);
    const manifest = await Manifest.open(out, journalName(undefined));
    expect(manifest.candidates('a', 'treatment-plan', ['pdf'])).toHaveLength(1);
    expect(manifest.candidates('b', 'treatment-plan', ['pdf'])).toEqual([]);
  });

  it('reads every shard’s journal, and a shard writes only its own', async () => {
    const out = await tempFolder();
    const one = await Manifest.open(out, journalName({ index: 1, count: 2 }));
    await one.record([entry('a', 'pdf', 'A')]);
    await one.close();
    const two = await Manifest.open(out, journalName({ index: 2, count: 2 }));
    await two.record([entry('b', 'pdf', 'B')]);
    await two.close();
    const all = await Manifest.open(out, journalName(undefined));
    expect(all.candidates('a', 'treatment-plan', ['pdf'])).toHaveLength(1);
    expect(all.candidates('b', 'treatment-plan', ['pdf'])).toHaveLength(1);
    expect((await readdir(out)).sort()).toEqual([
      '.goldthread-batch.shard-1-of-2.ndjson',
      '.goldthread-batch.shard-2-of-2.ndjson',
    ]);
  });

  it('keeps a write failure instead of throwing', async () => {
    const missing = path.join(await tempFolder(), 'not', 'there');
    const manifest = await Manifest.open(missing, journalName(undefined));
    await manifest.record([entry('a', 'pdf', 'A')]);
    await manifest.close();
    expect((manifest.writeError as { code?: string }).code).toBe('ENOENT');
  });
});

describe('upToDateEntries', () => {
  it('needs every format made from the same inputs and on disk with the same hash', async () => {
    const out = await tempFolder();
    await writeFile(path.join(out, 'a.treatment-plan.pdf'), 'A');
    await writeFile(path.join(out, 'a.treatment-plan.docx'), 'Ad');
    const pdf = entry('a', 'pdf', 'A');
    const docx = entry('a', 'docx', 'Ad');
    const same = (e: ManifestEntry) => sameInputs(e, inputs, 'resolved-profile');
    expect(await upToDateEntries(out, [pdf, docx], ['pdf', 'docx'], same)).toEqual([pdf, docx]);
    expect(await upToDateEntries(out, [pdf], ['pdf', 'docx'], same)).toBeUndefined();
    await writeFile(path.join(out, 'a.treatment-plan.docx'), 'changed by hand');
    expect(await upToDateEntries(out, [pdf, docx], ['pdf', 'docx'], same)).toBeUndefined();
  });

  it('compares the resolved profile, or the profile files for the quick check', () => {
    const e = entry('a', 'pdf', 'A');
    expect(sameInputs(e, { ...inputs, profilesSha256: 'other' }, 'resolved-profile')).toBe(true);
    expect(sameInputs(e, { ...inputs, profilesSha256: 'other' }, 'profile-files')).toBe(false);
    expect(sameInputs(e, { ...inputs, profileSha256: 'other' }, 'resolved-profile')).toBe(false);
    for (const change of [
      { recordSha256: 'x' },
      { templatesSha256: 'x' },
      { tool: '0.2.0' },
      { asOf: '2026-11-28' },
      { allowDraft: true },
    ]) {
      expect(sameInputs(e, { ...inputs, ...change }, 'resolved-profile')).toBe(false);
    }
  });
});

describe('removeStaleTemps', () => {
  it('removes temporary files of processes that are gone and leaves live ones and documents', async () => {
    const out = await tempFolder();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    await writeFile(path.join(out, `.a.treatment-plan.pdf.${deadPid}.0123456789ab.tmp`), 'partial');
    await writeFile(path.join(out, `.b.treatment-plan.pdf.${process.pid}.0123456789ab.tmp`), 'being written');
    await writeFile(path.join(out, 'a.treatment-plan.pdf'), 'whole');
    await appendFile(path.join(out, 'notes.tmp'), 'not ours');
    expect(await removeStaleTemps(out)).toBe(1);
    expect((await readdir(out)).sort()).toEqual([
      `.b.treatment-plan.pdf.${process.pid}.0123456789ab.tmp`,
      'a.treatment-plan.pdf',
      'notes.tmp',
    ]);
  });
});
