// Compares the words of two text extractions (the PDF, and LibreOffice's PDF of the DOCX) and fails
// when either holds a word the other lacks. Page furniture differs by design (page counts, the
// header's "MRN" and "Record" labels) and pdftotext joins hyphenated words at line ends, so numbers,
// hyphens and those labels are left out of the comparison.
import { readFileSync } from 'node:fs';

const FURNITURE = new Set(['mrn', 'record']);
const words = (file) =>
  new Set(
    (
      readFileSync(file, 'utf8')
        .toLowerCase()
        .replace(/[-‐‑]/g, '')
        .match(/[\p{L}\p{N}’']+/gu) ?? []
    ).filter((w) => !/^\d+$/.test(w) && !FURNITURE.has(w)),
  );

const [pdfText, docxText, label] = process.argv.slice(2);
const a = words(pdfText);
const b = words(docxText);
const onlyPdf = [...a].filter((w) => !b.has(w));
const onlyDocx = [...b].filter((w) => !a.has(w));
if (onlyPdf.length || onlyDocx.length) {
  console.error(
    `${label}: the PDF and the DOCX differ. Only in the PDF: ${onlyPdf.join(' ') || '-'}; only in the DOCX: ${onlyDocx.join(' ') || '-'}`,
  );
  process.exit(1);
}
console.log(`ok  ${label}: PDF and DOCX carry the same ${a.size} distinct words`);
