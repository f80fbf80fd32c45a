/**
 * Scored measures a treatment plan may track: valid range, severity bands, clinical threshold, and
 * the published source of each fact. All are symptom scales on which improvement means a lower score.
 */

/** A named score range, both ends included. */
export interface SeverityBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** A scored instrument. Scores are whole numbers from `range.min` to `range.max`. */
export interface Instrument {
  /** The name as clinicians write it: `PHQ-9`, `GAD-7`. */
  readonly id: string;
  readonly name: string;
  readonly range: { readonly min: number; readonly max: number };
  /** The way a score moves when the patient improves. */
  readonly direction: 'decrease' | 'increase';
  /** Bands covering the whole range without gaps or overlaps, in score order. */
  readonly bands: readonly SeverityBand[];
  /** The score at or above which symptoms are clinically significant. */
  readonly clinicalThreshold: number;
  /** Scores below this are in the minimal (no or few symptoms) range; null when the source defines none. */
  readonly minimalBelow: number | null;
  readonly citation: string;
}

/** The instruments goldthread knows, in the order they are listed to users. */
export const INSTRUMENTS = [
  {
    id: 'PHQ-9',
    name: 'Patient Health Questionnaire-9 (depression)',
    range: { min: 0, max: 27 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 4, label: 'minimal' },
      { from: 5, to: 9, label: 'mild' },
      { from: 10, to: 14, label: 'moderate' },
      { from: 15, to: 19, label: 'moderately severe' },
      { from: 20, to: 27, label: 'severe' },
    ],
    clinicalThreshold: 10,
    minimalBelow: 5,
    citation:
      'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. ' +
      'J Gen Intern Med 2001;16:606-613.',
  },
  {
    id: 'GAD-7',
    name: 'Generalized Anxiety Disorder-7',
    range: { min: 0, max: 21 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 4, label: 'minimal' },
      { from: 5, to: 9, label: 'mild' },
      { from: 10, to: 14, label: 'moderate' },
      { from: 15, to: 21, label: 'severe' },
    ],
    clinicalThreshold: 10,
    minimalBelow: 5,
    citation:
      'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety ' +
      'disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097.',
  },
  {
    // No official severity bands exist, so the bands only split the range at the cut-point. The
    // cut-point is given as a range, 31-33; the threshold takes its low end so a score the source
    // already calls probable PTSD is never treated as below clinical significance.
    id: 'PCL-5',
    name: 'PTSD Checklist for DSM-5',
    range: { min: 0, max: 80 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 30, label: 'below the probable-PTSD cut-point' },
      { from: 31, to: 80, label: 'probable PTSD' },
    ],
    clinicalThreshold: 31,
    minimalBelow: null,
    citation:
      'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 ' +
      '(PCL-5). National Center for PTSD, 2013. Cut-point 31-33: Bovin MJ, Marx BP, Weathers FW, et al. ' +
      'Psychometric properties of the PTSD Checklist for DSM-5 (PCL-5) in veterans. Psychol Assess ' +
      '2016;28:1379-1391.',
  },
  {
    id: 'AUDIT',
    name: 'Alcohol Use Disorders Identification Test',
    range: { min: 0, max: 40 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 7, label: 'zone I: low risk' },
      { from: 8, to: 15, label: 'zone II: hazardous use' },
      { from: 16, to: 19, label: 'zone III: harmful use' },
      { from: 20, to: 40, label: 'zone IV: possible dependence' },
    ],
    clinicalThreshold: 8,
    minimalBelow: null,
    citation:
      'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders ' +
      'Identification Test. Guidelines for Use in Primary Care, 2nd ed. WHO, 2001 (WHO/MSD/MSB/01.6a).',
  },
  {
    id: 'PHQ-2',
    name: 'Patient Health Questionnaire-2 (depression screen)',
    range: { min: 0, max: 6 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 2, label: 'negative screen' },
      { from: 3, to: 6, label: 'positive screen' },
    ],
    clinicalThreshold: 3,
    minimalBelow: null,
    citation:
      'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item ' +
      'depression screener. Med Care 2003;41:1284-1292.',
  },
  {
    id: 'GAD-2',
    name: 'Generalized Anxiety Disorder-2 (anxiety screen)',
    range: { min: 0, max: 6 },
    direction: 'decrease',
    bands: [
      { from: 0, to: 2, label: 'negative screen' },
      { from: 3, to: 6, label: 'positive screen' },
    ],
    clinicalThreshold: 3,
    minimalBelow: null,
    citation:
      'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: ' +
      'prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146:317-325.',
  },
] as const satisfies readonly Instrument[];

/** The id of an instrument goldthread knows. */
export type InstrumentId = (typeof INSTRUMENTS)[number]['id'];

// "phq9", "PHQ 9" and "phq-9" all name PHQ-9: compare on letters and digits only.
const keyOf = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '');

const BY_KEY: ReadonlyMap<string, Instrument> = new Map(INSTRUMENTS.map((entry) => [keyOf(entry.id), entry]));

/** The instrument a user's name refers to, ignoring case, spaces and punctuation; undefined if unknown. */
export function lookupInstrument(name: string): Instrument | undefined {
  return BY_KEY.get(keyOf(name));
}

/** Whether a score is one the instrument can produce: a whole number within its range. */
export function isInRange(instrument: Instrument, score: number): boolean {
  return Number.isInteger(score) && score >= instrument.range.min && score <= instrument.range.max;
}

/** The severity band a score falls in, or undefined when the score is not in range. */
export function severityOf(instrument: Instrument, score: number): SeverityBand | undefined {
  if (!isInRange(instrument, score)) return undefined;
  return instrument.bands.find((band) => score >= band.from && score <= band.to);
}
