import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSignedPath } from '../../src/cli/cmd-sign.js';
import { main } from '../../src/cli/main.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { signatureFields } from '../../src/sign/form-fields.js';
import { PASSPHRASE_VARIABLE } from '../../src/sign/passphrase.js';
import { capturedIo } from '../support/captured-io.js';
import { loadPdf } from './pdf-structure.js';
import { planTree } from './plan-tree.js';
import { throwawayIdentity } from './throwaway-identity.js';

let dir: string;
const { p12, passphrase } = throwawayIdentity();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'goldthread-sign-'));
  await writeFile(path.join(dir, 'plan.pdf'), await renderPdf(planTree()));
  await writeFile(path.join(dir, 'draft.pdf'), await renderPdf(planTree({ draft: true })));
  await writeFile(path.join(dir, 'clinician.p12'), p12);
});

async function run(args: string[], env: Record<string, string> = { [PASSPHRASE_VARIABLE]: passphrase }) {
  const io = capturedIo(dir, { env });
  const code = await main(['sign', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const signedFields = async (file: string) =>
  signatureFields(await loadPdf(await readFile(path.join(dir, file))))
    .filter((f) => f.signed)
    .map((f) => f.name);

describe('goldthread sign', () => {
  it('signs a field into <name>.signed.pdf (mode 0600), leaving the input alone, and prints its SHA-256', async () => {
    const before = await readFile(path.join(dir, 'plan.pdf'));
    const result = await run(['plan.pdf', '--p12', 'clinician.p12', '--field', 'clinician', '--reason', 'Approved']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^plan\.signed\.pdf {2}sha256:[0-9a-f]{64} {2}signed: clinician\n$/);
    expect((await readFile(path.join(dir, 'plan.pdf'))).equals(before)).toBe(true);
    expect((await stat(path.join(dir, 'plan.signed.pdf'))).mode & 0o777).toBe(0o600);
    expect(await signedFields('plan.signed.pdf')).toEqual(['clinician']);
  });

  it('adds the next signature to a .signed.pdf in place', async () => {
    const result = await run(['plan.signed.pdf', '--p12', 'clinician.p12', '--field', 'patient']);
    expect(result.code).toBe(0);
    expect(await signedFields('plan.signed.pdf')).toEqual(['clinician', 'patient']);
  });

  it('writes where --out says', async () => {
    const result = await run(['plan.pdf', '--p12', 'clinician.p12', '--field', 'supervisor', '--out', 'out/s.pdf']);
    expect(result.code).toBe(0);
    expect(await signedFields('out/s.pdf')).toEqual(['supervisor']);
  });

  it.each([
    [
      ['plan.pdf', '--p12', 'clinician.p12', '--field', 'nurse'],
      /no signature field "nurse"; its fields are: clinician, supervisor/,
    ],
    [['plan.signed.pdf', '--p12', 'clinician.p12', '--field', 'clinician'], /"clinician" is already signed/],
    [['draft.pdf', '--p12', 'clinician.p12', '--field', 'clinician'], /no signature fields/],
    [['clinician.p12', '--p12', 'clinician.p12', '--field', 'clinician'], /not a PDF/],
    [['missing.pdf', '--p12', 'clinician.p12', '--field', 'clinician'], /cannot read the PDF/],
    [['plan.pdf', '--p12', 'plan.pdf', '--field', 'clinician'], /not a PKCS#12 file/],
    [['plan.pdf', '--field', 'clinician'], /needs --p12/],
    [['plan.pdf', '--p12', 'clinician.p12'], /needs --field/],
    [['plan.pdf', '--p12', 'clinician.p12', '--field', 'clinician', '--passphrase', 'x'], /passphrase/],
  ])('refuses %j with exit 2 and writes nothing', async (args, message) => {
    const before = (await readdir(dir, { recursive: true })).sort();
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
  });

  it('refuses a wrong passphrase without echoing it', async () => {
    const result = await run(['plan.pdf', '--p12', 'clinician.p12', '--field', 'guardian'], {
      [PASSPHRASE_VARIABLE]: 'swordfish-42',
    });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/passphrase .* is wrong/);
    expect(result.err + result.out).not.toContain('swordfish');
  });

  it('asks for the passphrase variable when there is no terminal to prompt on', async () => {
    const result = await run(['plan.pdf', '--p12', 'clinician.p12', '--field', 'guardian'], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain(PASSPHRASE_VARIABLE);
  });
});

describe('the default output name', () => {
  it('adds .signed before .pdf, once', () => {
    expect(defaultSignedPath('/a/plan.pdf')).toBe('/a/plan.signed.pdf');
    expect(defaultSignedPath('/a/plan.PDF')).toBe('/a/plan.signed.pdf');
    expect(defaultSignedPath('/a/plan.signed.pdf')).toBe('/a/plan.signed.pdf');
    expect(defaultSignedPath('/a/plan')).toBe('/a/plan.signed.pdf');
  });
});
