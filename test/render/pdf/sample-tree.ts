/**
 * A realistic treatment plan as a document tree, long enough to span several pages, with names and
 * marks the standard PDF fonts cannot show and a token too long for its column.
 */
import type { Block, DocumentTree, Inline, Signer } from '../../../src/compose/tree.js';

const t = (text: string): Inline => [{ text }];

/** A token of 64 characters with no spaces, as pasted web addresses and reference numbers are. */
export const LONG_TOKEN = 'https://portal.example.org/referrals/7f3a9c2e41d84b0f9a6e5c1d2b3a4f5e';

const interventionRows: Inline[][] = Array.from({ length: 22 }, (_, i) => {
  const n = i + 1;
  const objective = `O${(i % 6) + 1}`;
  return [
    t(`I${n}`),
    t(objective),
    t(n % 3 === 0 ? 'DBT skills' : n % 3 === 1 ? 'CBT' : 'Behavioral activation'),
    [
      { text: `Session ${n}: `, bold: true },
      {
        text:
          'Cognitive restructuring of self-critical thoughts about work, with a weekly activity schedule reviewed in session ' +
          '— homework is rated 0–10 for mastery and pleasure.',
      },
    ],
    t(n % 4 === 0 ? '90834 · 45 min · 1×/week' : '90837 · 55 min · 1×/week'),
  ];
});

const objectiveRows: Inline[][] = [
  [t('O1'), t('G1'), t('PHQ-9 falls from 18 to ≤ 9 within 12 weeks.'), t('18'), t('≤ 9'), t('2026-12-02')],
  [t('O2'), t('G1'), t('Workdays missed fall from 6 a month to 0.'), t('6'), t('0'), t('2026-11-30')],
  [t('O3'), t('G2'), t('GAD-7 falls from 12 to ≤ 5.'), t('12'), t('≤ 5'), t('2026-12-02')],
  [
    t('O4'),
    t('G2'),
    t('Re-checking finished work drops from 2–3 hours a day to ≤ 30 minutes.'),
    t('150 min'),
    t('≤ 30 min'),
    t('2026-12-02'),
  ],
  [t('O5'), t('G3'), t('Sees a friend in person at least twice a month.'), t('0'), t('≥ 2'), t('2026-11-15')],
  [t('O6'), t('G3'), [{ text: 'Uses the safety plan: ' }, { text: LONG_TOKEN }], t('—'), t('used'), t('2026-10-31')],
];

const signers: Signer[] = [
  {
    role: 'clinician',
    roleLabel: 'Treating clinician',
    name: 'Alex Rivera',
    credentials: 'LCSW',
    signedOn: '2026-09-10',
  },
  { role: 'supervisor', roleLabel: 'Clinical supervisor', name: 'Łukasz Brzęczyszczykiewicz', credentials: 'LCSW-R' },
  { role: 'patient', roleLabel: 'Patient', name: 'Zoë Nguyễn' },
];

const blocks: Block[] = [
  {
    kind: 'notice',
    tone: 'draft',
    content: [
      { text: 'Draft. ', bold: true },
      { text: 'The audit found 2 errors; this plan is not ready for signature until they are resolved.' },
    ],
  },
  {
    kind: 'section',
    id: 'identification',
    title: 'Identification',
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: 'Patient', value: 'Zoë Nguyễn' },
          { label: 'Date of birth', value: '1987-03-14' },
          { label: 'Medical record number', value: 'MRN-004512' },
          { label: 'Payer', value: 'Aetna Choice POS II' },
          { label: 'Member ID', value: 'W123456789' },
          { label: 'Authorization', value: 'A-99812 · 12 sessions · 2026-09-01 – 2026-12-31' },
          { label: 'Treating clinician', value: 'Alex Rivera, LCSW · NPI 1234567893' },
          { label: 'Level of care', value: 'Outpatient · expected 16 weeks' },
          { label: 'Plan effective', value: '2026-09-09' },
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'diagnoses',
    title: 'Diagnoses',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Code', width: 1 },
          { header: 'Description', width: 5 },
          { header: 'Rank', width: 1.4 },
        ],
        rows: [
          [t('F33.1'), t('Major depressive disorder, recurrent, moderate'), t('Primary')],
          [t('F41.1'), t('Generalized anxiety disorder'), t('Secondary')],
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'problems',
    title: 'Presenting problems',
    blocks: [
      { kind: 'heading', level: 3, text: 'P1 · Depressed mood' },
      {
        kind: 'paragraph',
        content: [
          { text: 'Depressed mood most days with loss of interest in work and friends. ' },
          { text: 'Impairment: ', italic: true },
          { text: 'missed 6 workdays in August; on a written warning; has stopped seeing friends since June.' },
        ],
      },
      { kind: 'heading', level: 3, text: 'P2 · Worry' },
      {
        kind: 'paragraph',
        content: t(
          'Excessive worry about work performance with muscle tension and restlessness; spends 2–3 hours a day re-checking finished work (“it’s never quite right”).',
        ),
      },
      {
        kind: 'list',
        ordered: false,
        items: [t('Motivated for treatment'), t('Supportive partner'), t('Stable housing')],
      },
    ],
  },
  {
    kind: 'section',
    id: 'goals',
    title: 'Goals and objectives',
    blocks: [
      {
        kind: 'list',
        ordered: true,
        items: [
          t(
            'G1 — Ms. Nguyễn will reach sustained remission of depressive symptoms and return to full work functioning.',
          ),
          t('G2 — Ms. Nguyễn will manage worry with coping skills so it no longer disrupts her work day.'),
          t('G3 — Ms. Nguyễn will rebuild her social contacts.'),
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: 'ID', width: 0.6 },
          { header: 'Goal', width: 0.7 },
          { header: 'Objective', width: 5 },
          { header: 'Baseline', width: 1.2, align: 'right' },
          { header: 'Target', width: 1.2, align: 'right' },
          { header: 'Target date', width: 1.6 },
        ],
        rows: objectiveRows,
      },
      {
        kind: 'chart',
        chart: {
          title: 'PHQ-9 over the episode',
          instrument: 'PHQ-9',
          min: 0,
          max: 27,
          bands: [
            { from: 0, to: 4, label: 'Minimal' },
            { from: 5, to: 9, label: 'Mild' },
            { from: 10, to: 14, label: 'Moderate' },
            { from: 15, to: 19, label: 'Moderately severe' },
            { from: 20, to: 27, label: 'Severe' },
          ],
          points: [
            { date: '2026-09-02', value: 18 },
            { date: '2026-09-16', value: 17 },
            { date: '2026-09-30', value: 15 },
            { date: '2026-10-14', value: 12 },
            { date: '2026-10-28', value: 11 },
            { date: '2026-11-11', value: 9 },
          ],
          target: 9,
        },
      },
    ],
  },
  {
    kind: 'section',
    id: 'interventions',
    title: 'Interventions',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'ID', width: 0.6 },
          { header: 'Objective', width: 0.9 },
          { header: 'Modality', width: 1.6 },
          { header: 'Description', width: 5 },
          { header: 'Service', width: 2 },
        ],
        rows: interventionRows,
      },
    ],
  },
  {
    kind: 'section',
    id: 'risk',
    title: 'Risk',
    blocks: [
      {
        kind: 'notice',
        tone: 'warning',
        content: t(
          'Suicide risk: low. Passive thoughts of death two weeks before intake, no plan or intent; safety plan reviewed.',
        ),
      },
      { kind: 'paragraph', tone: 'muted', content: t('Homicide risk: none reported.') },
    ],
  },
  {
    kind: 'section',
    id: 'signatures',
    title: 'Signatures',
    blocks: [
      {
        kind: 'paragraph',
        content: t('By signing, each signer confirms they took part in developing this plan and agree with it.'),
      },
      { kind: 'signatures', signers },
    ],
  },
];

/** The sample treatment plan; `draft` marks every page as not ready for signature. */
export function sampleTree(overrides: Partial<DocumentTree> = {}): DocumentTree {
  return {
    kind: 'treatment-plan',
    title: 'Treatment Plan',
    subtitle: 'Initial plan · effective 2026-09-09 · next review 2026-12-08',
    documentId: 'nguyen-2026-09.treatment-plan',
    version: 'plan v1',
    header: {
      patientName: 'Zoë Nguyễn',
      dob: '1987-03-14',
      recordNumber: 'MRN-004512',
      organization: 'Harbor Counseling Group',
    },
    meta: {
      title: 'Treatment Plan — Zoë Nguyễn',
      subject: 'Behavioral health treatment plan',
      author: 'Alex Rivera, LCSW',
      date: '2026-09-09',
      language: 'en-US',
      keywords: ['treatment plan', 'F33.1', 'F41.1'],
    },
    draft: false,
    blocks,
    ...overrides,
  };
}
