#!/usr/bin/env bash
# Real-client checks of signing and PDF/A (docs/signing.md): render a sample plan, check it with
# poppler (pdfsig, pdfinfo) and qpdf, sign the clinician field with a throwaway certificate made
# here by openssl, then the patient field with a second (EC) one, and ask pdfsig whether each
# signature is valid. pdfsig calls a self-signed certificate untrusted: that is about trust, not
# validity, so this asserts on "Signature is Valid." only.
# Needs poppler-utils, qpdf and openssl; uses transicc (liblcms2-utils) to check the colour
# profile when it is installed. Run from anywhere; needs a built dist/ (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_in() { grep -qF -- "$2" "$1" || fail "$3 (expected \"$2\" in $(basename "$1"))"; }

echo "== render a sample plan (twice: the bytes must be identical)"
node bin/goldthread.js render samples/nguyen-2026-09.yaml --as-of 2026-11-27 --format pdf --out "$work/a" > /dev/null
node bin/goldthread.js render samples/nguyen-2026-09.yaml --as-of 2026-11-27 --format pdf --out "$work/b" > /dev/null
pdf="$work/a/nguyen-2026-09.treatment-plan.pdf"
cmp -s "$pdf" "$work/b/nguyen-2026-09.treatment-plan.pdf" || fail "two renders differ"

echo "== qpdf --check"
qpdf --check "$pdf" > "$work/qpdf.txt" 2>&1 || fail "qpdf --check: $(tail -1 "$work/qpdf.txt")"
expect_in "$work/qpdf.txt" "No syntax or stream encoding errors found" "qpdf"

echo "== pdfinfo -meta: the PDF/A identification"
pdfinfo -meta "$pdf" > "$work/meta.txt"
expect_in "$work/meta.txt" "<pdfaid:part>2</pdfaid:part>" "PDF/A part"
expect_in "$work/meta.txt" "<pdfaid:conformance>B</pdfaid:conformance>" "PDF/A conformance"
pdfinfo "$pdf" > "$work/info.txt"
expect_in "$work/info.txt" "Form:            AcroForm" "pdfinfo form"
pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes" { print }' > "$work/unembedded.txt"
[ ! -s "$work/unembedded.txt" ] || fail "fonts not embedded: $(cat "$work/unembedded.txt")"

if command -v transicc > /dev/null; then
  echo "== the output intent's sRGB profile, used by LittleCMS"
  node --input-type=module -e "
    import { writeFileSync } from 'node:fs';
    import { srgbProfile } from './dist/sign/srgb-profile.js';
    writeFileSync('$work/srgb.icc', srgbProfile());"
  ours=$(echo "255 128 0" | transicc -i "$work/srgb.icc" -o '*Lab' -t1 -n 2>/dev/null | tail -1)
  builtin=$(echo "255 128 0" | transicc -i '*sRGB' -o '*Lab' -t1 -n 2>/dev/null | tail -1)
  node -e "
    const a = '$ours'.trim().split(/\s+/).map(Number), b = '$builtin'.trim().split(/\s+/).map(Number);
    const dE = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    if (!(a.length === 3 && dE < 0.1)) { console.error('profile differs from LittleCMS sRGB: ' + a + ' vs ' + b); process.exit(1); }
  " || fail "sRGB profile"
fi

echo "== pdfsig lists one empty field per signer"
pdfsig "$pdf" > "$work/sig0.txt" 2>&1 || true
expect_in "$work/sig0.txt" "Signature Field Name: clinician" "clinician field"
expect_in "$work/sig0.txt" "Signature Field Name: patient" "patient field"
[ "$(grep -c 'The signature form field is not signed.' "$work/sig0.txt")" -ge 2 ] || fail "fields not listed as unsigned"

echo "== throwaway certificates (openssl): RSA 2048 and EC P-256"
export GOLDTHREAD_P12_PASSPHRASE="throwaway-$$"
for kind in rsa ec; do
  if [ "$kind" = rsa ]; then keyopt=(-newkey rsa:2048); else keyopt=(-newkey ec -pkeyopt ec_paramgen_curve:P-256); fi
  openssl req -x509 "${keyopt[@]}" -nodes -keyout "$work/$kind.key" -out "$work/$kind.crt" -days 2 \
    -subj "/CN=Throwaway $kind signer" > /dev/null 2>&1
  openssl pkcs12 -export -inkey "$work/$kind.key" -in "$work/$kind.crt" -out "$work/$kind.p12" \
    -passout env:GOLDTHREAD_P12_PASSPHRASE
done

echo "== sign the clinician field (RSA)"
node bin/goldthread.js sign "$pdf" --p12 "$work/rsa.p12" --field clinician --reason "Plan approved" > /dev/null
signed="$work/a/nguyen-2026-09.treatment-plan.signed.pdf"
pdfsig "$signed" > "$work/sig1.txt" 2>&1 || true
[ "$(grep -c 'Signature is Valid.' "$work/sig1.txt")" -eq 1 ] || fail "clinician signature not valid: $(cat "$work/sig1.txt")"
expect_in "$work/sig1.txt" "Signature Type: ETSI.CAdES.detached" "subfilter"
expect_in "$work/sig1.txt" "Total document signed" "byte range"
[ "$(grep -c 'The signature form field is not signed.' "$work/sig1.txt")" -ge 1 ] || fail "other fields no longer unsigned"
qpdf --check "$signed" > /dev/null 2>&1 || fail "qpdf --check after signing"

echo "== sign the patient field too (EC), in place"
node bin/goldthread.js sign "$signed" --p12 "$work/ec.p12" --field patient > /dev/null
pdfsig "$signed" > "$work/sig2.txt" 2>&1 || true
[ "$(grep -c 'Signature is Valid.' "$work/sig2.txt")" -eq 2 ] || fail "not both signatures valid: $(cat "$work/sig2.txt")"
qpdf --check "$signed" > /dev/null 2>&1 || fail "qpdf --check after the second signature"

echo "== refusals exit 2 and write nothing"
before=$(ls "$work/a")
set +e
node bin/goldthread.js sign "$signed" --p12 "$work/rsa.p12" --field clinician 2> "$work/err.txt"; code=$?
set -e
[ "$code" -eq 2 ] || fail "signing a signed field exited $code"
expect_in "$work/err.txt" "already signed" "already-signed message"
[ "$(ls "$work/a")" = "$before" ] || fail "a refused signing wrote a file"

cat "$work/sig2.txt"
if [ "$failures" -gt 0 ]; then
  echo "$failures signing check(s) failed" >&2
  exit 1
fi
echo "signing checks: all passed"
