import type { Finding } from '../model/finding.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { formatDate } from './helpers.js';
import { parseBlocks } from './markup.js';
import type { TemplateSet } from './templates.js';
import type { Block, ChartSpec, DocKind, DocumentTree } from './tree.js';
import { patientName } from './view-common.js';
import { dischargeView } from './view-discharge.js';
import { planReviewView } from './view-plan-review.js';
import { treatmentPlanView } from './view-treatment-plan.js';

/** What composing one document needs besides the record. */
export interface ComposeOptions {
  readonly kind: DocKind;
  readonly profile: ResolvedProfile;
  readonly templates: TemplateSet;
  /** The date time-dependent text is judged on (a plan review's period end, for one). */
  readonly asOf: string;
  /** Set for a draft: the open findings the draft lists at its end. Absent for a signed-ready document. */
  readonly draftFindings?: readonly Finding[];
}

/** A view of the record for one document kind, and the charts its templates may reference. */
export interface DocumentView {
  readonly view: object;
  readonly charts: readonly ChartSpec[];
  readonly subtitle: string;
}

type ViewBuilder = (record: LinkedRecord, options: ComposeOptions) => DocumentView;

const VIEW_BUILDERS: Record<DocKind, ViewBuilder> = {
  'treatment-plan': (record, { profile }) => {
    const { plan } = record.data;
    const kind = { initial: 'Initial plan', review: 'Reviewed plan', update: 'Updated plan' }[plan.kind];
    return {
      view: treatmentPlanView(record, profile),
      charts: [],
      subtitle: `${kind}, version ${plan.version} · effective ${formatDate(plan.effectiveDate)}`,
    };
  },
  'plan-review': (record, { profile, asOf }) => {
    const { view, charts, period } = planReviewView(record, profile, asOf);
    return { view, charts, subtitle: `Review of the plan for ${formatDate(period.start)} – ${formatDate(period.end)}` };
  },
  'discharge-summary': (record, { profile }) => {
    const { view, charts } = dischargeView(record, profile);
    return { view, charts, subtitle: `Episode ended ${formatDate(record.data.discharge?.date)}` };
  },
};

function draftBlocks(findings: readonly Finding[]): { top: Block; end: Block } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    top: {
      kind: 'notice',
      tone: 'draft',
      content: [
        { text: 'DRAFT: not ready for signature. ', bold: true },
        {
          text: `The audit found ${errors} error${errors === 1 ? '' : 's'} and ${findings.length - errors} other finding${
            findings.length - errors === 1 ? '' : 's'
          }; they are listed at the end of this document.`,
        },
      ],
    },
    end: {
      kind: 'section',
      id: 'openFindings',
      title: 'Open audit findings',
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: 'Severity', width: 1 },
            { header: 'Rule', width: 2.2 },
            { header: 'Where', width: 1.8 },
            { header: 'Finding', width: 4 },
          ],
          rows: findings.map((f) => [
            [{ text: f.severity, bold: f.severity === 'error' }],
            [{ text: f.rule }],
            [{ text: f.path }],
            [{ text: f.message }, ...(f.hint ? [{ text: `\n${f.hint}`, italic: true }] : [])],
          ]),
        },
      ],
    },
  };
}

/**
 * Composes one document: the payer's look (title, section order, labels, partial overrides) and
 * the record's view filled into the section templates, parsed into a document tree.
 */
export function composeDocument(record: LinkedRecord, options: ComposeOptions): DocumentTree {
  const { kind, profile, templates } = options;
  const { view, charts, subtitle } = VIEW_BUILDERS[kind](record, options);
  const look = profile.documents.looks[kind];
  const blocks: Block[] = [];
  const draft = options.draftFindings !== undefined;
  const draftParts = draft ? draftBlocks(options.draftFindings ?? []) : undefined;
  if (draftParts) blocks.push(draftParts.top);
  for (const id of look.sections) {
    const name = `${kind}/${id}`;
    if (!templates.has(name)) throw new Error(`internal: the section ${id} of ${kind} has no template ${name}.hbs`);
    const markup = templates.render(name, view, profile.documents.partials);
    const sectionBlocks = parseBlocks(markup, charts, `${name}.hbs`);
    if (sectionBlocks.length === 0) continue;
    blocks.push({ kind: 'section', id, title: profile.documents.labels[id] ?? id, blocks: sectionBlocks });
  }
  if (draftParts) blocks.push(draftParts.end);

  const { data } = record;
  return {
    kind,
    title: look.title,
    subtitle,
    documentId: `${data.id}.${kind}`,
    version: `v${data.plan.version}`,
    header: {
      patientName: patientName(record),
      dob: formatDate(data.patient.dob),
      recordNumber: data.patient.id,
      organization: data.provider.organization.name,
    },
    meta: {
      title: `${look.title}: ${data.id}`,
      subject: `${look.title} for record ${data.id} (${profile.name})`,
      author: data.provider.organization.name,
      date: data.plan.effectiveDate,
      language: 'en-US',
      keywords: [kind, profile.id, data.id, `${data.id}.${kind}`, `v${data.plan.version}`],
    },
    draft,
    blocks,
  };
}
