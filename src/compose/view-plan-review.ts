import { lookupInstrument } from '../codes/instruments.js';
import { addDays, daysBetween, earlier, later } from '../model/dates.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { reviewCadenceDays } from '../payers/review-schedule.js';
import { formatDate } from './helpers.js';
import type { ChartSpec } from './tree.js';
import {
  diagnosesView,
  identificationView,
  objectiveStatement,
  providerView,
  signersView,
  statusLabel,
  targetText,
} from './view-common.js';
import { aboveThreshold, bandOf, changeText, latestScore, scoreCharts, scoreSeries } from './view-measures.js';

/** The period a review covers: the prior plan to this review, or the current plan to the as-of date. */
export function reviewPeriod(record: LinkedRecord, asOf: string): { start: string; end: string } {
  const { plan, discharge } = record.data;
  if (plan.kind !== 'initial' && plan.priorPlanDate) return { start: plan.priorPlanDate, end: plan.effectiveDate };
  const end = discharge ? earlier(asOf, discharge.date) : asOf;
  return { start: plan.effectiveDate, end: later(end, plan.effectiveDate) };
}

const DONE = new Set(['met', 'discontinued']);

/** Everything the plan-review templates show, and the charts they reference. */
export function planReviewView(record: LinkedRecord, profile: ResolvedProfile, asOf: string) {
  const period = reviewPeriod(record, asOf);
  const sessions = record.sessions.filter((s) => s.data.date >= period.start && s.data.date <= period.end);
  const series = scoreSeries(record, period.end);
  const charts: ChartSpec[] = scoreCharts(record, series);
  const minutes = sessions.reduce((sum, s) => sum + (s.data.minutes ?? 0), 0);

  const progress = record.objectives.map((o) => {
    const measure = o.data.measure;
    const latest = latestScore(o, series);
    const instrument = measure?.instrument;
    return {
      id: o.data.id,
      statement: objectiveStatement(o),
      baseline: measure ? String(measure.baseline) : '—',
      latest: latest ? `${latest.value} (${formatDate(latest.date)})` : 'No score recorded',
      target: measure ? targetText(measure) : '—',
      status: statusLabel(o.data.status),
      change:
        measure && latest
          ? changeText(measure.baseline, latest.value)
          : instrument
            ? 'Not re-measured in the period'
            : 'Tracked in session notes',
      sessions: String(sessions.filter((s) => s.objectives.includes(o)).length),
    };
  });

  // Continued medical necessity, composed from what the data shows.
  const elevated = series.flatMap((s) => {
    const last = s.points.at(-1);
    if (!last || aboveThreshold(s.instrument, last.value) !== true) return [];
    const known = lookupInstrument(s.instrument);
    return [
      `${s.instrument} is ${last.value} (${bandOf(s.instrument, last.value) ?? 'scored'}), at or above the clinical threshold of ${known?.clinicalThreshold}`,
    ];
  });
  const impairments = record.problems.flatMap((p) =>
    (p.data.impairments ?? []).map((i) => `${p.data.id}: ${i.description}`),
  );
  const open = record.objectives.filter((o) => !DONE.has(o.data.status ?? 'in-progress'));
  const allMet = open.length === 0;
  const necessity =
    allMet || elevated.length === 0
      ? {
          continued: false,
          statement: allMet
            ? 'Every objective of the plan is met or discontinued. Step-down or discharge is indicated unless a new problem is documented.'
            : 'No measured score remains at or above its clinical threshold. Consider step-down or discharge, or document the impairment that still requires this level of care.',
          reasons: [] as string[],
        }
      : {
          continued: true,
          statement: `Continued treatment is medically necessary: ${open.length} objective${open.length === 1 ? ' remains' : 's remain'} open and symptoms remain clinically significant.`,
          reasons: [...elevated, ...impairments.map((i) => `Impairment ${i}`)],
        };

  const changes = record.objectives.flatMap((o) => {
    const status = o.data.status ?? 'in-progress';
    if (status === 'met') return [`${o.data.id} is met; it stays in the record and needs no further sessions.`];
    if (status === 'discontinued') return [`${o.data.id} is discontinued.`];
    if (o.data.targetDate && o.data.targetDate < period.end)
      return [`${o.data.id}: its target date has passed; set a new target date.`];
    return [];
  });
  const cadence = reviewCadenceDays(record, profile);
  const nextReview =
    record.data.plan.nextReviewDate && record.data.plan.nextReviewDate > period.end
      ? record.data.plan.nextReviewDate
      : addDays(period.end, cadence);

  return {
    view: {
      identification: identificationView(record, profile),
      provider: providerView(record),
      period: {
        start: formatDate(period.start),
        end: formatDate(period.end),
        days: String(daysBetween(period.start, period.end)),
        planVersion: String(record.data.plan.version),
      },
      sessions: {
        count: String(sessions.length),
        minutes: String(minutes),
        rows: sessions.map((s) => ({
          date: formatDate(s.data.date),
          cpt: s.data.cpt,
          minutes: s.data.minutes !== undefined ? String(s.data.minutes) : '—',
          objectives: s.objectives.map((o) => o.data.id).join(', ') || '—',
          measures: (s.data.measures ?? []).map((m) => `${m.instrument} ${m.score}`).join(', ') || '—',
        })),
      },
      progress,
      measures: series.map((s) => ({
        instrument: s.instrument,
        rows: s.points.map((p) => ({
          date: formatDate(p.date),
          score: String(p.value),
          band: bandOf(s.instrument, p.value) ?? '',
        })),
      })),
      charts: charts.map((c, i) => ({ ref: String(i), title: c.title })),
      necessity,
      changes,
      diagnoses: diagnosesView(record),
      nextReview: { date: formatDate(nextReview), cadence: `every ${cadence} days, ${profile.name}` },
      signers: signersView(record),
    },
    charts,
    period,
  };
}
