import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { OID } from '../../src/sign/cades-signature.js';
import { signatureFields } from '../../src/sign/form-fields.js';
import { PDFDict, PDFDocument, type PDFHexString, type PDFNumber } from '../../src/sign/pdf-lib.js';
import { checkSignable, signPdf } from '../../src/sign/sign-pdf.js';
import { SigningError } from '../../src/sign/signing-error.js';
import { readSigningIdentity, type SigningIdentity } from '../../src/sign/signing-identity.js';
import { loadPdf, name, signatureValues, text } from './pdf-structure.js';
import { FIELD_NAMES, planTree } from './plan-tree.js';
import { throwawayIdentity } from './throwaway-identity.js';
import { checkSignature } from './verify-signature.js';

const at = new Date('2026-11-27T15:04:05Z');
let plan: Buffer;
let identity: SigningIdentity;
let signed: Buffer;

beforeAll(async () => {
  const throwaway = throwawayIdentity();
  identity = readSigningIdentity(throwaway.p12, throwaway.passphrase);
  plan = await renderPdf(planTree());
  signed = await signPdf(plan, {
    field: 'clinician',
    identity,
    signingTime: at,
    reason: 'Plan reviewed and approved',
    location: 'Łódź clinic',
  });
});

async function refusal(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

describe('signing one field', () => {
  it('appends to the original bytes instead of rewriting them', () => {
    expect(signed.length).toBeGreaterThan(plan.length);
    expect(signed.subarray(0, plan.length).equals(plan)).toBe(true);
    expect(signed.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  });

  it('writes a PAdES signature dictionary with the time in /M', async () => {
    const signature = signatureValues(await loadPdf(signed)).get('clinician') as PDFDict;
    expect(signature.get(name('Type'))).toBe(name('Sig'));
    expect(signature.get(name('Filter'))).toBe(name('Adobe.PPKLite'));
    expect(signature.get(name('SubFilter'))).toBe(name('ETSI.CAdES.detached'));
    expect(text(signature.get(name('M')))).toBe("D:20261127150405+00'00'");
    expect(text(signature.get(name('Reason')))).toBe('Plan reviewed and approved');
    expect(text(signature.get(name('Location')))).toBe('Łódź clinic');
  });

  it('signs every byte of the file except the /Contents hex string, and the signature verifies', async () => {
    const signature = signatureValues(await loadPdf(signed)).get('clinician') as PDFDict;
    const check = await checkSignature(signed, signature);
    const [start, gapAt, afterGap, rest] = check.byteRange as [number, number, number, number];
    expect(start).toBe(0);
    expect(afterGap + rest).toBe(signed.length);
    expect(signed.toString('latin1', gapAt, gapAt + 1)).toBe('<');
    expect(signed.toString('latin1', afterGap - 1, afterGap)).toBe('>');
    expect(afterGap - gapAt).toBe((signature.get(name('Contents')) as PDFHexString).asString().length + 2);
    expect(check.pkijsValid).toBe(true);
    expect(check.nodeValid).toBe(true);
    expect(check.digestMatches).toBe(true);
  });

  it('signs CAdES attributes only: content-type, message-digest, signing-certificate-v2 (no signing time)', async () => {
    const signature = signatureValues(await loadPdf(signed)).get('clinician') as PDFDict;
    const check = await checkSignature(signed, signature);
    expect(check.signedAttributes).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
    expect(check.signedAttributes).not.toContain(OID.signingTime);
    expect(check.unsignedAttributes).toBe(0);
    expect(check.digestAlgorithm).toBe(OID.sha256);
    expect(check.certificate.equals(identity.certificate)).toBe(true);
    expect(check.signingCertificateHash).toBe(createHash('sha256').update(identity.certificate).digest('hex'));
  });

  it('marks the form append-only and leaves the other fields signable', async () => {
    const doc = await loadPdf(signed);
    const form = doc.catalog.lookup(name('AcroForm'), PDFDict);
    expect((form.get(name('SigFlags')) as PDFNumber).asNumber()).toBe(3);
    expect(signatureFields(doc).map((f) => [f.name, f.signed])).toEqual(
      FIELD_NAMES.map((field) => [field, field === 'clinician']),
    );
  });

  it('gives the same bytes for the same PDF, key and signing time', async () => {
    const again = await signPdf(plan, {
      field: 'clinician',
      identity,
      signingTime: at,
      reason: 'Plan reviewed and approved',
      location: 'Łódź clinic',
    });
    expect(again.equals(signed)).toBe(true);
  });
});

describe('signing a second field later', () => {
  it('keeps the first signature valid over the revision it signed', async () => {
    const twice = await signPdf(signed, { field: 'patient', identity, signingTime: new Date('2026-11-28T09:00:00Z') });
    expect(twice.subarray(0, signed.length).equals(signed)).toBe(true);
    const doc = await loadPdf(twice);
    const values = signatureValues(doc);
    const first = await checkSignature(twice, values.get('clinician') as PDFDict);
    const second = await checkSignature(twice, values.get('patient') as PDFDict);
    expect([first.pkijsValid, first.nodeValid, first.digestMatches]).toEqual([true, true, true]);
    expect([second.pkijsValid, second.nodeValid, second.digestMatches]).toEqual([true, true, true]);
    // The first covers its own revision; the second covers the whole file.
    expect((first.byteRange[2] ?? 0) + (first.byteRange[3] ?? 0)).toBe(signed.length);
    expect((second.byteRange[2] ?? 0) + (second.byteRange[3] ?? 0)).toBe(twice.length);
    expect(
      signatureFields(doc)
        .filter((f) => !f.signed)
        .map((f) => f.name),
    ).toEqual(['supervisor', 'guardian', 'guardian-2']);
  });
});

describe('refusals', () => {
  it('names the fields there are when asked for one that is not', async () => {
    const error = await refusal(checkSignable(plan, 'nurse'));
    expect(error.code).toBe('unknown-field');
    expect(error.message).toContain('clinician, supervisor, patient, guardian, guardian-2');
  });

  it('refuses a field that is already signed, naming the ones still open', async () => {
    const error = await refusal(signPdf(signed, { field: 'clinician', identity, signingTime: at }));
    expect(error.code).toBe('already-signed');
    expect(error.message).toContain('supervisor, patient, guardian, guardian-2');
  });

  it('refuses a draft, which has no signature fields', async () => {
    const draft = await renderPdf(planTree({ draft: true }));
    expect((await refusal(checkSignable(draft, 'clinician'))).code).toBe('no-signature-fields');
  });

  it('refuses what is not a PDF', async () => {
    expect((await refusal(checkSignable(Buffer.from('PK\x03\x04 a zip file'), 'clinician'))).code).toBe('not-a-pdf');
    expect((await refusal(checkSignable(Buffer.from('%PDF-1.7\n garbage'), 'clinician'))).code).toBe('not-a-pdf');
  });

  it('refuses a PDF another tool rewrote with a cross-reference stream', async () => {
    const doc = await PDFDocument.load(plan, { updateMetadata: false });
    const rewritten = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect((await refusal(checkSignable(rewritten, 'clinician'))).code).toBe('unsupported-pdf');
  });

  it('refuses a certificate that is not valid at the signing time', async () => {
    const error = await refusal(
      signPdf(plan, { field: 'clinician', identity, signingTime: new Date('2019-06-01T00:00:00Z') }),
    );
    expect(error.code).toBe('certificate-not-valid');
  });

  it('tells a wrong passphrase and a file that is not PKCS#12 apart, without echoing the passphrase', () => {
    const { p12 } = throwawayIdentity();
    let error: unknown;
    try {
      readSigningIdentity(p12, 'hunter2-wrong');
    } catch (e) {
      error = e;
    }
    expect((error as SigningError).code).toBe('bad-passphrase');
    expect((error as SigningError).message).not.toContain('hunter2');
    expect(() => readSigningIdentity(Buffer.from('not a certificate'), 'x')).toThrow(SigningError);
  });
});
