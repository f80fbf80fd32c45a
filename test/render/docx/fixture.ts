/**
 * A realistic composed treatment plan, used by the DOCX and HTML renderer tests.
 *
 * Fictional patient and providers. It exercises every block kind, long prose, a table long enough
 * to run over a page, and three signers of whom one has signed.
 */
import type { Block, DocumentTree, Inline } from '../../../src/compose/tree.js';

const text = (value: string): Inline => [{ text: value }];

const objectiveRows: readonly (readonly Inline[])[] = [
  ['O1', 'PHQ-9 score below 10 on two consecutive administrations', 'G1', '2026-12-01', 'In progress'],
  ['O2', 'Attend work at least 4 of 5 scheduled days for 4 consecutive weeks', 'G1', '2026-11-15', 'In progress'],
  ['O3', 'Schedule and complete 3 pleasant activities per week (activity log)', 'G1', '2026-10-31', 'Met'],
  ['O4', 'Identify 3 automatic thoughts per week and write a balanced alternative', 'G1', '2026-11-15', 'In progress'],
  ['O5', 'Sleep 6.5 hours or more on 5 of 7 nights (sleep diary)', 'G1', '2026-11-30', 'In progress'],
  ['O6', 'GAD-7 score below 8 at the 90-day review', 'G2', '2026-12-01', 'In progress'],
  ['O7', 'Use paced breathing when anxiety rises above 6/10, logged 4 times a week', 'G2', '2026-10-31', 'Met'],
  ['O8', 'Reduce worry time to one 20-minute scheduled period a day', 'G2', '2026-11-30', 'In progress'],
  ['O9', 'Contact one friend or family member each week', 'G3', '2026-10-31', 'In progress'],
  ['O10', 'Attend one group or community activity every two weeks', 'G3', '2026-12-15', 'Not started'],
  ['O11', 'Name 2 warning signs and 2 coping steps from the safety plan without prompting', 'G4', '2026-09-30', 'Met'],
  ['O12', 'Keep the safety plan card on hand; review it at every session', 'G4', '2026-12-31', 'In progress'],
  ['O13', 'Take prescribed medication as directed on 6 of 7 days (self-report)', 'G1', '2026-11-30', 'In progress'],
  ['O14', 'Complete one problem-solving worksheet on a work stressor every week', 'G2', '2026-11-30', 'Not started'],
  ['O15', 'Return to a regular exercise routine: three 20-minute walks a week', 'G1', '2026-12-15', 'Not started'],
  [
    'O16',
    'Discuss return-to-full-duty plan with supervisor, with clinician support',
    'G1',
    '2026-12-31',
    'Not started',
  ],
  ['O17', 'Identify two supports to call after hours besides the crisis line', 'G4', '2026-10-15', 'Met'],
  ['O18', 'Rate mood daily (0-10) in the app and bring the log to each session', 'G1', '2026-12-31', 'In progress'],
].map((row) => row.map(text));

const blocks: readonly Block[] = [
  {
    kind: 'section',
    id: 'identification',
    title: 'Identification and coverage',
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: 'Patient', value: 'Dana R. Whitfield' },
          { label: 'Date of birth', value: '1987-03-14' },
          { label: 'Record number', value: 'MRN-004512' },
          { label: 'Payer', value: 'Aetna Choice POS II' },
          { label: 'Member ID', value: 'W123456789' },
          { label: 'Authorization', value: 'A-99812 (12 sessions, 2026-09-01 to 2026-12-31)' },
          { label: 'Level of care', value: 'Outpatient psychotherapy' },
          { label: 'Plan effective', value: '2026-09-09' },
          { label: 'Next review due', value: '2026-12-08' },
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
          { header: 'Description', width: 4 },
          { header: 'Rank', width: 1.2 },
        ],
        rows: [
          [text('F33.1'), text('Major depressive disorder, recurrent, moderate'), text('Primary')],
          [text('F41.1'), text('Generalized anxiety disorder'), text('Secondary')],
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'clinical-summary',
    title: 'Clinical summary',
    blocks: [
      {
        kind: 'paragraph',
        content: [
          { text: 'Presenting problem. ', bold: true },
          {
            text:
              'Ms. Whitfield presents with a second episode of depression that began after a job change in June. ' +
              'She reports depressed mood most days, loss of interest in work and friends, early waking (4-5 hours of ' +
              'sleep on most nights), poor concentration and feelings of worthlessness. She has missed 6 workdays in ' +
              'the past month and has withdrawn from her running group. Worry about job performance and finances ' +
              'occupies "most of the day" and is hard to set aside.',
          },
        ],
      },
      {
        kind: 'paragraph',
        content: [
          { text: 'History. ', bold: true },
          {
            text:
              'A first depressive episode in 2019 responded to 16 sessions of cognitive behavioral therapy and ' +
              'sertraline, which she stopped in 2021. No psychiatric hospitalizations. No substance use disorder; ' +
              'alcohol 2-3 drinks a week. Her primary care physician restarted sertraline 50 mg on 2026-08-20.',
          },
        ],
      },
      {
        kind: 'paragraph',
        content: [
          { text: 'Risk. ', bold: true },
          {
            text:
              'Passive thoughts of death two weeks ago, with no plan or intent. No history of attempts. Protective ' +
              'factors: her daughter, her faith and engagement in treatment. A safety plan was completed at intake.\n' +
              'Suicide risk: low.\tHomicide risk: none.',
          },
        ],
      },
      {
        kind: 'heading',
        level: 2,
        text: 'Measurement-based care',
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
            { date: '2026-09-23', value: 16 },
            { date: '2026-10-14', value: 13 },
            { date: '2026-11-04', value: 11 },
          ],
          target: 9,
        },
      },
      {
        kind: 'paragraph',
        tone: 'muted',
        content: text(
          'PHQ-9 administered at intake and every third session; severity bands per the instrument manual.',
        ),
      },
    ],
  },
  {
    kind: 'section',
    id: 'goals',
    title: 'Goals and objectives',
    blocks: [
      { kind: 'heading', level: 2, text: 'G1. Reduce depressive symptoms and return to full work duties' },
      {
        kind: 'paragraph',
        content: text(
          'Addresses P1 (depressed mood with loss of interest) and P2 (missed work). In her words: "I want to feel ' +
            'like myself again and stop dreading Mondays."',
        ),
      },
      { kind: 'heading', level: 3, text: 'Interventions' },
      {
        kind: 'list',
        ordered: true,
        items: [
          text('Cognitive behavioral therapy, weekly 53-minute sessions (90837), focused on behavioral activation.'),
          text('Cognitive restructuring of self-critical thoughts about work performance, with thought records.'),
          text('Coordination with the primary care physician about the sertraline trial, with written consent.'),
        ],
      },
      { kind: 'heading', level: 2, text: 'All objectives' },
      {
        kind: 'table',
        columns: [
          { header: 'ID', width: 0.7 },
          { header: 'Objective (measurable)', width: 5 },
          { header: 'Goal', width: 0.8, align: 'center' },
          { header: 'Target date', width: 1.4 },
          { header: 'Status', width: 1.4 },
        ],
        rows: objectiveRows,
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ text: 'Met: ', bold: true }, { text: 'the measure was reached and held for two weeks.' }],
          [{ text: 'In progress: ', bold: true }, { text: 'measurable movement toward the target.' }],
          [{ text: 'Not started: ', bold: true }, { text: 'scheduled for a later phase of treatment.' }],
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'services',
    title: 'Services and frequency',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Service', width: 3 },
          { header: 'CPT', width: 1 },
          { header: 'Frequency', width: 2 },
          { header: 'Sessions', width: 1, align: 'right' },
        ],
        rows: [
          [text('Individual psychotherapy, 53+ minutes'), text('90837'), text('Weekly'), text('12')],
          [text('Psychotherapy for crisis, first 60 minutes'), text('90839'), text('As needed'), text('0')],
        ],
      },
      {
        kind: 'notice',
        tone: 'warning',
        content: [
          { text: 'Crisis plan: ', bold: true },
          { text: 'call or text 988, or go to the nearest emergency department. After hours: 718-555-0199.' },
        ],
      },
      {
        kind: 'notice',
        tone: 'info',
        content: text('The patient took part in writing this plan and received a copy.'),
      },
    ],
  },
  {
    kind: 'section',
    id: 'signatures',
    title: 'Signatures',
    blocks: [
      {
        kind: 'paragraph',
        content: text('By signing, each signer confirms they have reviewed this plan and agree with it.'),
      },
      {
        kind: 'signatures',
        signers: [
          {
            role: 'clinician',
            roleLabel: 'Treating clinician',
            name: 'Alex Rivera',
            credentials: 'LCSW',
            signedOn: '2026-09-09',
          },
          { role: 'supervisor', roleLabel: 'Clinical supervisor', name: 'Morgan Lee', credentials: 'LCSW-R' },
          { role: 'patient', roleLabel: 'Patient', name: 'Dana R. Whitfield' },
        ],
      },
    ],
  },
];

/** The composed treatment plan, as the compose stage would hand it to a renderer. */
export const treatmentPlanTree: DocumentTree = {
  kind: 'treatment-plan',
  title: 'Individualized Treatment Plan',
  subtitle: 'Outpatient behavioral health · Initial plan',
  documentId: 'whitfield-2026-09.treatment-plan',
  version: 'plan v2',
  header: {
    patientName: 'Dana R. Whitfield',
    dob: '1987-03-14',
    recordNumber: 'MRN-004512',
    organization: 'Harbor Counseling Group',
  },
  meta: {
    title: 'Individualized Treatment Plan: Dana R. Whitfield',
    subject: 'Treatment plan',
    author: 'Alex Rivera, LCSW',
    date: '2026-09-09',
    language: 'en-US',
    keywords: ['treatment plan', 'behavioral health', 'F33.1'],
  },
  draft: false,
  blocks,
};

/** The same plan marked as a draft (rendered with `--allow-draft` over audit errors). */
export const draftTreatmentPlanTree: DocumentTree = { ...treatmentPlanTree, draft: true };

/** A copy of a tree whose every block list is replaced: for small focused tests. */
export function treeWithBlocks(blocksOfTree: readonly Block[], draft = false): DocumentTree {
  return { ...treatmentPlanTree, draft, blocks: blocksOfTree };
}
