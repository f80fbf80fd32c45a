/**
 * The HTML page's stylesheet, inlined so the page needs nothing from outside.
 *
 * Text containers keep white space as written (`pre-wrap`): a record's line breaks, tabs and
 * repeated spaces come out literally, as in the PDF and DOCX.
 */
export const PAGE_CSS = `
:root {
  --ink: #1a1a1a; --heading: #1f3a5f; --muted: #5f6368; --rule: #a6b4c4; --grid: #bfc8d2;
  --header-fill: #e3eaf2; --draft: #c00000; --draft-fill: #fbe5e5; --warning: #b26a00;
  --warning-fill: #fff4e0; --info: #2f5f8f; --info-fill: #e8f0f8;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 8.5in; padding: 0.5in 0.75in; color: var(--ink);
  font: 10pt/1.35 Arial, "Liberation Sans", Helvetica, sans-serif; background: #fff;
}
p, li, td, th, dd, dt, .notice, .signer-name, .signer-date { white-space: pre-wrap; tab-size: 4; }
.page-header {
  display: flex; justify-content: space-between; gap: 1em; font-size: 8pt; color: var(--muted);
  border-bottom: 1px solid var(--rule); padding-bottom: 4px; margin-bottom: 12px;
}
.page-header .patient { font-weight: bold; color: var(--ink); }
.page-footer {
  display: flex; justify-content: space-between; font-size: 8pt; color: var(--muted);
  border-top: 1px solid var(--rule); padding-top: 4px; margin-top: 24px;
}
.draft-banner {
  color: var(--draft); font-weight: bold; text-align: center; letter-spacing: 0.03em;
  border: 2px solid var(--draft); background: var(--draft-fill); padding: 4px; margin-bottom: 12px;
}
h1.title { font-size: 20pt; color: var(--heading); margin: 0 0 2px; }
.subtitle { font-size: 12pt; color: var(--muted); margin: 0 0 16px; }
h2 { font-size: 13pt; color: var(--heading); border-bottom: 1px solid var(--rule); padding-bottom: 2px; margin: 20px 0 8px; }
h3 { font-size: 11pt; color: var(--heading); margin: 14px 0 6px; }
h4 { font-size: 10pt; color: var(--heading); margin: 12px 0 4px; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 8px; }
p.muted { color: var(--muted); font-style: italic; font-size: 9pt; }
ul, ol { margin: 0 0 8px; padding-left: 1.6em; }
li { margin-bottom: 3px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4px 0 12px; font-size: 9pt; }
th, td { border: 1px solid var(--grid); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: var(--header-fill); color: var(--heading); }
.align-center { text-align: center; }
.align-right { text-align: right; }
.fields { display: grid; grid-template-columns: 28% 1fr; gap: 3px 12px; margin: 4px 0 12px; }
.fields dt { font-weight: bold; color: var(--muted); font-size: 9pt; }
.fields dd { margin: 0; }
.notice { border: 1px solid; padding: 6px 10px; margin: 10px 0 14px; }
.notice-draft { border-color: var(--draft); background: var(--draft-fill); }
.notice-warning { border-color: var(--warning); background: var(--warning-fill); }
.notice-info { border-color: var(--info); background: var(--info-fill); }
figure.chart { margin: 8px 0 12px; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
.signatures { margin-top: 8px; }
.signer { display: grid; grid-template-columns: 5fr 2.4fr 1.6fr; column-gap: 16px; margin-bottom: 18px; }
.signer-role { grid-column: 1 / -1; font-weight: bold; text-transform: uppercase; color: var(--heading); font-size: 9pt; }
.signer-line { border-bottom: 1px solid var(--ink); height: 34px; display: flex; align-items: flex-end; padding-bottom: 2px; }
.signer-name { font-weight: bold; font-size: 9pt; margin-top: 3px; }
.signer-caption { font-size: 9pt; }
@page {
  size: letter; margin: 0.75in;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; color: #5f6368; }
}
@media print {
  body { padding: 0; max-width: none; }
  thead { display: table-header-group; }
  tr, .signer, .notice, figure.chart { break-inside: avoid; page-break-inside: avoid; }
}
`;
