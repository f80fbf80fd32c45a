#!/usr/bin/env bash
# Real-client checks: render every sample as a user would, then open the results with the tools a
# practice's staff and a payer's reviewer would: qpdf and poppler for the PDF, LibreOffice for the DOCX.
# Needs poppler-utils, qpdf and libreoffice-writer (Debian packages; .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

AS_OF=2026-11-27
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

echo "== render every sample (treatment plan; plan review where there are sessions; discharge summary where discharged)"
node bin/goldthread.js render samples --as-of "$AS_OF" --format pdf,docx,html --out "$out" > "$work/render.txt"
for f in samples/*.yaml; do
  id=$(basename "$f" .yaml)
  if grep -q '^sessions:' "$f"; then
    node bin/goldthread.js render "$f" --doc plan-review --as-of "$AS_OF" --format pdf,docx,html --out "$out" >> "$work/render.txt"
  fi
  if grep -q '^discharge:' "$f"; then
    node bin/goldthread.js render "$f" --doc discharge-summary --as-of "$AS_OF" --format pdf,docx,html --out "$out" >> "$work/render.txt"
  fi
done
pdfs=("$out"/*.pdf)
echo "rendered ${#pdfs[@]} PDF documents"

echo "== qpdf --check, pdfinfo, and the patient's name on every page (pdftotext)"
for pdf in "${pdfs[@]}"; do
  base=$(basename "$pdf" .pdf)
  id=${base%%.*}
  qpdf --check "$pdf" > "$work/qpdf.txt" 2>&1 || fail "qpdf --check $base: $(tail -1 "$work/qpdf.txt")"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  family=$(node --input-type=module -e "import {parse} from 'yaml'; import {readFileSync} from 'node:fs'; const r=parse(readFileSync('samples/$id.yaml','utf8')); console.log(r.patient.name.family)")
  for ((p = 1; p <= pages; p++)); do
    pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -qF "$family" || fail "$base page $p does not name the patient"
  done
  echo "ok  $base ($pages pages)"
done

echo "== LibreOffice converts every DOCX"
soffice --headless --norestore --convert-to pdf --outdir "$work/lo" "$out"/*.docx > "$work/soffice.txt" 2>&1 || true
for docx in "$out"/*.docx; do
  base=$(basename "$docx" .docx)
  if [ -s "$work/lo/$base.pdf" ]; then
    pages=$(pdfinfo "$work/lo/$base.pdf" | awk '/^Pages:/ {print $2}')
    echo "ok  $base.docx -> PDF ($pages pages)"
  else
    fail "LibreOffice did not convert $base.docx"
  fi
done

echo "== a record full of hostile but legal text (emoji, RTL, zero-width, 30,000 characters, long words)"
npx tsx test/hardening/make-hostile-record.ts "$work/hostile.yaml" > /dev/null
node bin/goldthread.js render "$work/hostile.yaml" --as-of "$AS_OF" --format pdf,docx,html --out "$work/hostile" > /dev/null 2> "$work/hostile-warnings.txt"
node bin/goldthread.js render "$work/hostile.yaml" --doc discharge-summary --as-of "$AS_OF" --format pdf,docx,html --out "$work/hostile" > /dev/null 2>> "$work/hostile-warnings.txt"
for pdf in "$work"/hostile/*.pdf; do
  qpdf --check "$pdf" > /dev/null 2>&1 || fail "qpdf --check $(basename "$pdf")"
  # Boxes for glyphs Roboto lacks: the file must not claim PDF/A (render warned about it).
  if pdfinfo -meta "$pdf" | grep -q '<pdfaid:part>'; then fail "$(basename "$pdf") claims PDF/A with undrawable characters"; fi
done
grep -q "not marked PDF/A" "$work/hostile-warnings.txt" || fail "render did not warn about characters the PDF cannot show"
soffice --headless --norestore --convert-to pdf --outdir "$work/hostile-lo" "$work"/hostile/*.docx > /dev/null 2>&1 || true
for docx in "$work"/hostile/*.docx; do
  [ -s "$work/hostile-lo/$(basename "$docx" .docx).pdf" ] || fail "LibreOffice did not convert $(basename "$docx")"
done
echo "ok  hostile-text: $(ls "$work"/hostile/*.pdf | wc -l) PDFs pass qpdf, $(ls "$work"/hostile-lo/*.pdf | wc -l) DOCX converted"

echo "== the PDF and the DOCX tell the same story (words extracted from each)"
for docx in "$out"/*.docx; do
  base=$(basename "$docx" .docx)
  [ -s "$work/lo/$base.pdf" ] || continue
  pdftotext "$out/$base.pdf" "$work/$base.pdf.txt"
  pdftotext "$work/lo/$base.pdf" "$work/$base.docx.txt"
  node scripts/compare-text.mjs "$work/$base.pdf.txt" "$work/$base.docx.txt" "$base" || fail "$base: PDF and DOCX text differ"
done

echo "== determinism: a second render gives identical bytes"
node bin/goldthread.js render samples --as-of "$AS_OF" --format pdf,docx --out "$work/again" > /dev/null
for f in "$work/again"/*; do
  cmp -s "$f" "$out/$(basename "$f")" || fail "$(basename "$f") differs between two renders"
done
echo "identical: $(ls "$work/again" | wc -l) files"

echo "== signing: empty fields, pdfsig-valid signatures, PDF/A metadata (scripts/check-signing.sh)"
bash scripts/check-signing.sh > "$work/signing.txt" 2>&1 || { tail -20 "$work/signing.txt" >&2; fail "signing checks"; }
tail -3 "$work/signing.txt"

if [ "$failures" -gt 0 ]; then
  echo "$failures real-client check(s) failed" >&2
  exit 1
fi
echo "real-client checks: all passed"
