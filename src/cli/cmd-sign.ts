import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { sha256 } from '../pipeline/render-record.js';
import { writeFileAtomic } from '../render/write-output.js';
import { type SecretInput, signingPassphrase } from '../sign/passphrase.js';
import { checkSignable, signPdf } from '../sign/sign-pdf.js';
import { readSigningIdentity } from '../sign/signing-identity.js';
import type { Command } from './io.js';
import { parseCommandArgs } from './options.js';

/**
 * `goldthread sign <pdf> --p12 FILE --field ROLE [--out FILE] [--reason TEXT] [--location TEXT]`:
 * signs one signature field with the key and certificate in a PKCS#12 file (docs/signing.md).
 * The passphrase comes from GOLDTHREAD_P12_PASSPHRASE or a no-echo prompt on a terminal.
 * Writes `<name>.signed.pdf` beside the input unless --out says otherwise; a file already named
 * `.signed.pdf` is updated in place, which is safe because signing only appends to it.
 * Nothing is written when anything fails.
 */
export const sign: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    p12: { type: 'string' },
    field: { type: 'string' },
    out: { type: 'string' },
    reason: { type: 'string' },
    location: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError('sign takes exactly one PDF: goldthread sign <pdf> --p12 FILE --field ROLE');
  if (values.p12 === undefined)
    throw new UsageError("sign needs --p12 FILE: the signer's key and certificate (PKCS#12, .p12 or .pfx)");
  if (values.field === undefined)
    throw new UsageError('sign needs --field ROLE: the signature field to sign (clinician, patient, ...)');
  const input = path.resolve(io.cwd, positionals[0] as string);
  const out = values.out === undefined ? defaultSignedPath(input) : path.resolve(io.cwd, values.out);

  const pdf = await readInput(input, 'the PDF');
  // Refuse an unknown or signed field before asking anyone for a passphrase.
  await checkSignable(pdf, values.field);
  const p12 = await readInput(path.resolve(io.cwd, values.p12), 'the --p12 file');
  const passphrase = await signingPassphrase(io.env, process.stdin as SecretInput, io.stderr);
  const signed = await signPdf(pdf, {
    field: values.field,
    identity: readSigningIdentity(p12, passphrase),
    signingTime: new Date(),
    ...(values.reason === undefined ? {} : { reason: values.reason }),
    ...(values.location === undefined ? {} : { location: values.location }),
  });
  await writeFileAtomic(out, signed);
  io.stdout.write(`${path.relative(io.cwd, out) || out}  sha256:${sha256(signed)}  signed: ${values.field}\n`);
  return 0;
};

/** `plan.pdf` -> `plan.signed.pdf`; a `.signed.pdf` stays itself (the next signature appends to it). */
export function defaultSignedPath(input: string): string {
  if (input.endsWith('.signed.pdf')) return input;
  const base = input.toLowerCase().endsWith('.pdf') ? input.slice(0, -'.pdf'.length) : input;
  return `${base}.signed.pdf`;
}

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch {
    throw new InputError(`cannot read ${what} (${file})`);
  }
}
