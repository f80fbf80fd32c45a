import { daysBetween } from '../model/dates.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { formatDate } from './helpers.js';
import {
  diagnosesView,
  identificationView,
  objectiveStatement,
  providerView,
  signersView,
  statusLabel,
} from './view-common.js';
import { bandOf, scoreCharts, scoreSeries } from './view-measures.js';

const REASONS: Readonly<Record<string, string>> = {
  'goals-met': 'Treatment goals met',
  'patient-withdrew': 'Patient withdrew from treatment',
  transferred: 'Transferred to another provider',
  referred: 'Referred to another level of care',
  'non-attendance': 'Non-attendance',
  other: 'Other',
};

/** Everything the discharge-summary templates show. The caller has checked the record has a discharge. */
export function dischargeView(record: LinkedRecord, profile: ResolvedProfile) {
  const discharge = record.data.discharge;
  if (!discharge) throw new Error('internal: discharge summary composed for a record without a discharge');
  const start = record.data.assessment.date;
  const delivered = record.sessions.filter((s) => s.data.date <= discharge.date);
  const series = scoreSeries(record, discharge.date);
  const charts = scoreCharts(record, series);
  const days = daysBetween(start, discharge.date);
  return {
    view: {
      identification: identificationView(record, profile),
      provider: providerView(record),
      episode: {
        start: formatDate(start),
        planDate: formatDate(record.data.plan.effectiveDate),
        end: formatDate(discharge.date),
        length: `${days} days (${Math.round(days / 7)} weeks)`,
        sessions: String(delivered.length),
        minutes: String(delivered.reduce((sum, s) => sum + (s.data.minutes ?? 0), 0)),
        reason: REASONS[discharge.reason] ?? discharge.reason,
        summary: discharge.summary,
      },
      diagnoses: diagnosesView(record),
      outcomes: record.objectives.map((o) => {
        const outcome = (discharge.outcomes ?? []).find((x) => x.objective === o.data.id);
        const measure = o.data.measure;
        return {
          id: o.data.id,
          statement: objectiveStatement(o),
          measure: measure ? (measure.instrument ?? measure.behavior ?? '') : '—',
          baseline: measure ? String(measure.baseline) : '—',
          target: measure ? String(measure.target) : '—',
          final: outcome?.final !== undefined ? String(outcome.final) : '—',
          status: outcome ? statusLabel(outcome.status) : 'No outcome recorded',
        };
      }),
      measures: series.map((s) => {
        const first = s.points[0];
        const last = s.points.at(-1);
        return {
          instrument: s.instrument,
          first: first
            ? `${first.value}${bandOf(s.instrument, first.value) ? ` (${bandOf(s.instrument, first.value)})` : ''}, ${formatDate(first.date)}`
            : '—',
          last: last
            ? `${last.value}${bandOf(s.instrument, last.value) ? ` (${bandOf(s.instrument, last.value)})` : ''}, ${formatDate(last.date)}`
            : '—',
          count: String(s.points.length),
        };
      }),
      charts: charts.map((c, i) => ({ ref: String(i), title: c.title })),
      aftercare: discharge.aftercare ?? null,
      referrals: discharge.referrals ?? [],
      signers: signersView(record),
    },
    charts,
  };
}
