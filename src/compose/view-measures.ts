import { lookupInstrument, severityOf } from '../codes/instruments.js';
import type { LinkedRecord, ObjectiveNode } from '../model/linked.js';
import type { ChartSpec } from './tree.js';

/** One instrument's scores over the episode, in date order (intake first). */
export interface ScoreSeries {
  readonly instrument: string;
  readonly points: readonly { readonly date: string; readonly value: number }[];
}

/** Canonical instrument name: `phq9` and `PHQ 9` are both PHQ-9. */
export function instrumentKey(name: string): string {
  return lookupInstrument(name)?.id ?? name.trim();
}

/**
 * Every scored measure in the record up to `until`, grouped by instrument: intake instruments
 * (dated, or on the assessment date) and session measures (on the session date).
 */
export function scoreSeries(record: LinkedRecord, until: string): ScoreSeries[] {
  const byInstrument = new Map<string, { date: string; value: number }[]>();
  const add = (instrument: string, date: string, value: number) => {
    if (date > until) return;
    const key = instrumentKey(instrument);
    const list = byInstrument.get(key) ?? [];
    list.push({ date, value });
    byInstrument.set(key, list);
  };
  for (const m of record.data.assessment.instruments ?? [])
    add(m.instrument, m.date ?? record.data.assessment.date, m.score);
  for (const s of record.sessions) for (const m of s.data.measures ?? []) add(m.instrument, s.data.date, m.score);
  return [...byInstrument.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrument, points]) => ({
      instrument,
      // Stable by date; same-day scores keep their record order.
      points: points
        .map((p, i) => ({ ...p, i }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
        .map(({ date, value }) => ({ date, value })),
    }));
}

/** The latest score of an objective's instrument in a series list, if it has one. */
export function latestScore(
  objective: ObjectiveNode,
  series: readonly ScoreSeries[],
): { date: string; value: number } | undefined {
  const instrument = objective.data.measure?.instrument;
  if (!instrument) return undefined;
  return series.find((s) => s.instrument === instrumentKey(instrument))?.points.at(-1);
}

/** A chart per instrument with at least two scores, with its bands and the objectives' target. */
export function scoreCharts(record: LinkedRecord, series: readonly ScoreSeries[]): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const s of series) {
    if (s.points.length < 2) continue;
    const known = lookupInstrument(s.instrument);
    const target = record.objectives.find(
      (o) => o.data.measure?.instrument && instrumentKey(o.data.measure.instrument) === s.instrument,
    )?.data.measure?.target;
    const max = known?.range.max ?? Math.max(...s.points.map((p) => p.value), target ?? 0);
    charts.push({
      title: `${s.instrument} over the episode`,
      instrument: s.instrument,
      min: known?.range.min ?? 0,
      max,
      bands: known?.bands.map((b) => ({ from: b.from, to: b.to, label: b.label })) ?? [],
      points: s.points,
      ...(target !== undefined ? { target } : {}),
    });
  }
  return charts;
}

/** The severity label of a score on an instrument, when the instrument is known. */
export function bandOf(instrument: string, value: number): string | undefined {
  const known = lookupInstrument(instrument);
  return known ? severityOf(known, value)?.label : undefined;
}

/** Whether a score is at or above the instrument's clinical threshold (undefined when unknown). */
export function aboveThreshold(instrument: string, value: number): boolean | undefined {
  const known = lookupInstrument(instrument);
  if (!known) return undefined;
  return known.direction === 'decrease' ? value >= known.clinicalThreshold : value <= known.clinicalThreshold;
}

/** `down 9 points from baseline` / `up 2` / `no change`. */
export function changeText(baseline: number, latest: number): string {
  const delta = latest - baseline;
  if (delta === 0) return 'no change from baseline';
  const points = Math.abs(delta) === 1 ? 'point' : 'points';
  const percent = baseline !== 0 ? ` (${Math.round((Math.abs(delta) / Math.abs(baseline)) * 100)}%)` : '';
  return `${delta < 0 ? 'down' : 'up'} ${Math.abs(delta)} ${points}${percent} from baseline`;
}
