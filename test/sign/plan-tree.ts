/**
 * A short treatment plan as a document tree, for the signing tests: a few sections, signers whose
 * names the standard fonts cannot show, and a role that repeats (two guardians).
 */
import type { Block, DocumentTree, Signer } from '../../src/compose/tree.js';

/** The signers of the plan, in the order the document shows them. */
export const SIGNERS: readonly Signer[] = [
  { role: 'clinician', roleLabel: 'Treating clinician', name: 'Alex Rivera', credentials: 'LCSW' },
  { role: 'supervisor', roleLabel: 'Clinical supervisor', name: 'Łukasz Brzęczyszczykiewicz', credentials: 'LCSW-R' },
  { role: 'patient', roleLabel: 'Patient', name: 'Zoë Nguyễn' },
  { role: 'guardian', roleLabel: 'Parent or guardian', name: 'Mai Nguyễn' },
  { role: 'guardian', roleLabel: 'Parent or guardian', name: 'Tuấn Nguyễn' },
];

/** The field names those signers get. */
export const FIELD_NAMES = ['clinician', 'supervisor', 'patient', 'guardian', 'guardian-2'] as const;

const paragraph = (text: string): Block => ({ kind: 'paragraph', content: [{ text }] });

/** The plan; `draft` marks it not ready for signature. */
export function planTree(options: { draft?: boolean; version?: string } = {}): DocumentTree {
  return {
    kind: 'treatment-plan',
    title: 'Treatment Plan',
    subtitle: 'Zoë Nguyễn · effective 2026-09-09',
    documentId: 'nguyen-2026-09.treatment-plan',
    version: options.version ?? 'plan v2',
    header: { patientName: 'Zoë Nguyễn', dob: '1987-03-14', recordNumber: 'MRN-004512', organization: 'Maple Street' },
    meta: {
      title: 'Treatment Plan — Zoë Nguyễn',
      subject: 'Behavioral health treatment plan',
      author: 'Alex Rivera, LCSW',
      date: '2026-09-09',
      language: 'en-US',
      keywords: ['treatment plan', 'F33.1'],
    },
    draft: options.draft ?? false,
    blocks: [
      {
        kind: 'section',
        id: 'problems',
        title: 'Presenting problems',
        blocks: [paragraph('Low mood for eight months, with missed workdays and withdrawal from friends. '.repeat(12))],
      },
      {
        kind: 'section',
        id: 'goals',
        title: 'Goals and objectives',
        blocks: [{ kind: 'list', ordered: true, items: [[{ text: 'PHQ-9 falls from 18 to ≤ 9 within 12 weeks.' }]] }],
      },
      { kind: 'section', id: 'signatures', title: 'Signatures', blocks: [{ kind: 'signatures', signers: SIGNERS }] },
    ],
  };
}
