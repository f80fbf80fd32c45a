import { isUnspecifiedIcd, isZCode, normalizeIcd } from '../codes/icd10cm.js';
import { lookupInstrument } from '../codes/instruments.js';
import type { LinkedRecord } from '../model/linked.js';
import type { FindingDraft, RecordRule } from './context.js';
import { isActiveObjective } from './rules-thread.js';
import { fixed, SOURCES } from './sources.js';

/** The necessity family: the record shows why treatment is medically necessary. */

/**
 * Disorders an intake instrument measures, by code prefix (dotless). Remission codes are left out:
 * a low score is expected there. Instruments without a minimal band (PCL-5, AUDIT) are not judged.
 */
const MEASURED_DISORDERS: readonly { instrument: string; disorder: string; prefixes: readonly string[] }[] = [
  {
    instrument: 'PHQ-9',
    disorder: 'a depressive disorder',
    prefixes: [
      'F320',
      'F321',
      'F322',
      'F323',
      'F328',
      'F329',
      'F32A',
      'F330',
      'F331',
      'F332',
      'F333',
      'F338',
      'F339',
      'F341',
    ],
  },
  { instrument: 'GAD-7', disorder: 'an anxiety disorder', prefixes: ['F411', 'F418', 'F419'] },
];

const noImpairment: RecordRule = {
  id: 'necessity/no-impairment',
  source: fixed(SOURCES.necessity),
  hint: 'Document at least one functional impairment (work, school, family, self-care, ...) under the problem it comes from, with what is lost.',
  check: ({ record }) =>
    record.problems.some((p) => (p.data.impairments ?? []).length > 0)
      ? []
      : [{ path: 'problems', message: 'No problem documents a functional impairment.' }],
};

const zCodePrimary: RecordRule = {
  id: 'necessity/z-code-primary',
  source: fixed(SOURCES.necessity),
  hint: 'Make the disorder being treated the primary diagnosis; keep the Z code as a secondary factor.',
  check: ({ record }) =>
    record.diagnoses
      .filter((d) => d.data.rank === 'primary' && isZCode(d.data.code))
      .map((d) => ({
        path: `${d.path}.code`,
        message: `The primary diagnosis ${d.data.code} is a Z code (a factor influencing health), not a disorder.`,
      })),
};

const unspecifiedDiagnosis: RecordRule = {
  id: 'necessity/unspecified-diagnosis',
  source: fixed(SOURCES.icd),
  hint: 'Use the most specific code the assessment supports (episode, severity, type).',
  check: ({ record }) =>
    record.diagnoses
      .filter((d) => isUnspecifiedIcd(d.data.code))
      .map((d) => ({
        path: `${d.path}.code`,
        message: `Diagnosis ${d.data.code} is an unspecified code where a more specific one exists.`,
      })),
};

const severityMismatch: RecordRule = {
  id: 'necessity/severity-mismatch',
  source: fixed(SOURCES.necessity),
  hint: 'Check the diagnosis against the intake scores: document what supports it, or reconsider the code or its severity.',
  check: ({ record }) => {
    const findings: FindingDraft[] = [];
    const intake = record.data.assessment.instruments ?? [];
    for (const diagnosis of record.diagnoses) {
      const bare = (normalizeIcd(diagnosis.data.code) ?? '').replace('.', '');
      for (const { instrument: id, disorder, prefixes } of MEASURED_DISORDERS) {
        if (!prefixes.some((prefix) => bare.startsWith(prefix))) continue;
        const instrument = lookupInstrument(id);
        const minimalBelow = instrument?.minimalBelow;
        if (!instrument || minimalBelow === null || minimalBelow === undefined) continue;
        const scores = intake.filter((m) => lookupInstrument(m.instrument) === instrument).map((m) => m.score);
        if (scores.length === 0 || !scores.every((s) => s < minimalBelow)) continue;
        findings.push({
          path: `${diagnosis.path}.code`,
          message: `Diagnosis ${diagnosis.data.code} (${disorder}) is not supported by the intake ${instrument.id}, which is in the minimal range (below ${minimalBelow}).`,
        });
      }
    }
    return findings;
  },
};

/** The latest score of each known instrument with a clinical threshold: sessions first, then intake. */
function latestScores(record: LinkedRecord): { instrument: string; score: number; threshold: number }[] {
  const latest = new Map<string, { date: string; score: number; threshold: number }>();
  const note = (name: string, score: number, date: string) => {
    const instrument = lookupInstrument(name);
    if (!instrument) return;
    const seen = latest.get(instrument.id);
    if (!seen || date >= seen.date) latest.set(instrument.id, { date, score, threshold: instrument.clinicalThreshold });
  };
  const { assessment } = record.data;
  for (const m of assessment.instruments ?? []) note(m.instrument, m.score, m.date ?? assessment.date);
  for (const s of record.sessions) for (const m of s.data.measures ?? []) note(m.instrument, m.score, s.data.date);
  return [...latest].map(([instrument, { score, threshold }]) => ({ instrument, score, threshold }));
}

const continuedStay: RecordRule = {
  id: 'necessity/continued-stay',
  source: fixed(SOURCES.progress),
  hint: 'State what still needs treatment (an active objective for the remaining impairment), or plan the discharge.',
  check: ({ record }) => {
    const { plan, discharge } = record.data;
    if (plan.kind === 'initial' || discharge) return [];
    const active = record.objectives.filter(isActiveObjective);
    if (active.length === 0) {
      return [
        {
          path: 'plan',
          message: `Plan review ${plan.version} continues treatment though every objective is met or discontinued.`,
        },
      ];
    }
    // An active objective counted by behavior states its own reason to continue; scores cannot speak for it.
    if (active.some((o) => o.data.measure?.behavior !== undefined)) return [];
    const scores = latestScores(record);
    if (scores.length === 0 || !scores.every((s) => s.score < s.threshold)) return [];
    const names = scores.map((s) => s.instrument).join(', ');
    return [
      {
        path: 'plan',
        message: `Plan review ${plan.version} continues treatment though the latest scores (${names}) are all below their clinical thresholds.`,
      },
    ];
  },
};

/** Every necessity rule, in catalogue order. */
export const NECESSITY_RULES: readonly RecordRule[] = [
  noImpairment,
  zCodePrimary,
  unspecifiedDiagnosis,
  severityMismatch,
  continuedStay,
];
