/**
 * The document tree: what the templates produce and what every renderer (PDF, DOCX, HTML) walks.
 *
 * It holds only literal text and structure. Renderers never interpret text as markup, so whatever
 * a record holds comes out exactly as written.
 */

/** The kinds of document goldthread composes. */
export type DocKind = 'treatment-plan' | 'plan-review' | 'discharge-summary';

export const DOC_KINDS: readonly DocKind[] = ['treatment-plan', 'plan-review', 'discharge-summary'];

/** A run of text inside a paragraph, cell or list item. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Inline content: one or more runs. */
export type Inline = readonly Run[];

/** A column of a table. `width` is a relative weight (all columns' weights are summed). */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

/** A point on a chart: a date and the score measured on it. */
export interface ChartPoint {
  readonly date: string;
  readonly value: number;
}

/** A shaded band of a chart (an instrument's severity range). */
export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** A trend chart of one scored instrument over the episode. */
export interface ChartSpec {
  readonly title: string;
  readonly instrument: string;
  readonly min: number;
  readonly max: number;
  readonly bands: readonly ChartBand[];
  readonly points: readonly ChartPoint[];
  readonly target?: number;
}

/** One signer's block: kept together on one page by every renderer. */
export interface Signer {
  /** `clinician` | `supervisor` | `patient` | `guardian`: also names the PDF signature field. */
  readonly role: string;
  /** The role as shown to a reader ("Treating clinician"). */
  readonly roleLabel: string;
  readonly name: string;
  readonly credentials?: string;
  /** The date signed, as shown to a reader; absent means "to be signed". */
  readonly signedOn?: string;
}

/** A block of the document body. Discriminated on `kind`. */
export type Block =
  | { readonly kind: 'section'; readonly id: string; readonly title: string; readonly blocks: readonly Block[] }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: Inline; readonly tone?: 'normal' | 'muted' }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Inline[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly Column[];
      /** Each row is one Inline per column. Header rows repeat on every page; rows never split. */
      readonly rows: readonly (readonly Inline[])[];
    }
  /** Label/value pairs laid out as a two-column grid (identification, coverage, ...). */
  | { readonly kind: 'fields'; readonly items: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'notice'; readonly tone: 'draft' | 'warning' | 'info'; readonly content: Inline }
  | { readonly kind: 'chart'; readonly chart: ChartSpec }
  | { readonly kind: 'signatures'; readonly signers: readonly Signer[] };

/** The running header every page carries: who the document is about. */
export interface PageHeader {
  readonly patientName: string;
  readonly dob: string;
  readonly recordNumber: string;
  readonly organization: string;
}

/** Document-level metadata: fixed by the record so output is byte-identical run to run. */
export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /** ISO date the document's content is dated (the plan's effective date): never "now". */
  readonly date: string;
  readonly language: string;
  readonly keywords: readonly string[];
}

/** A composed document, ready for any renderer. */
export interface DocumentTree {
  readonly kind: DocKind;
  readonly title: string;
  readonly subtitle?: string;
  /** A stable id (`<record id>.<kind>`) shown in every footer and the metadata. */
  readonly documentId: string;
  /** The document's version ("plan v2"), shown with the id. */
  readonly version: string;
  readonly header: PageHeader;
  readonly meta: DocumentMeta;
  /** When true every page is marked as a draft that is not ready for signature. */
  readonly draft: boolean;
  readonly blocks: readonly Block[];
}
