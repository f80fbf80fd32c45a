/**
 * The behavioral-health CPT codes goldthread knows: what each is for, its time window and whether it
 * is an add-on. Descriptions are our own plain words; CPT's descriptors are licensed text.
 *
 * Facts from /work/shared/reference/payer-facts.md ("CPT behavioral-health codes"): AAPC articles,
 * a BCBS Illinois policy summary and NGS Medicare articles.
 */

/** The kind of service a code bills. */
export type CptServiceType = 'individual' | 'family' | 'group' | 'evaluation' | 'crisis';

/** How codes are grouped in billing guides. */
export type CptCategory =
  | 'evaluation'
  | 'psychotherapy'
  | 'psychotherapy-with-em'
  | 'crisis'
  | 'family'
  | 'group'
  | 'add-on';

/** Face-to-face minutes a code may be billed for; no `max` means no upper limit. */
export interface TimeWindow {
  readonly min: number;
  readonly max?: number;
}

/** Marks an add-on whose primary is any evaluation and management (E/M) service. */
export const EM_PRIMARY = 'E/M';

/** One CPT code and the facts the audit checks. */
export interface CptCode {
  readonly code: string;
  /** A plain description in our own words. */
  readonly description: string;
  /** The service the code bills; null for an add-on that takes its primary's type (+90785). */
  readonly serviceType: CptServiceType | null;
  /** The minutes the code may be billed for; null when it is not time-based. */
  readonly time: TimeWindow | null;
  readonly addOn: boolean;
  /** For an add-on: the codes it may accompany (one is needed); {@link EM_PRIMARY} for any E/M code. */
  readonly primaries: readonly string[];
  readonly category: CptCategory;
  /** Where the facts come from. */
  readonly source: string;
  /** `seen`: read in the payer's or CMS contractor's own text; `seen-3p`: in a third-party summary. */
  readonly confidence: 'seen' | 'seen-3p';
}

const GUIDES = 'AAPC coding articles; BCBS IL psychiatry policy summary (openpayer.com)';
const NGS = 'NGS Medicare article 4807215 (LCD L33632)';
const WITH_EM = [EM_PRIMARY] as const;

/** The known codes, keyed by code. */
export const CPT_CODES = {
  '90791': {
    code: '90791',
    description: 'Psychiatric diagnostic evaluation without medical services',
    serviceType: 'evaluation',
    time: null,
    addOn: false,
    primaries: [],
    category: 'evaluation',
    source: `${GUIDES}; ${NGS}`,
    confidence: 'seen-3p',
  },
  '90792': {
    code: '90792',
    description: 'Psychiatric diagnostic evaluation with medical services',
    serviceType: 'evaluation',
    time: null,
    addOn: false,
    primaries: [],
    category: 'evaluation',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90832': {
    code: '90832',
    description: 'Psychotherapy, about 30 minutes',
    serviceType: 'individual',
    time: { min: 16, max: 37 },
    addOn: false,
    primaries: [],
    category: 'psychotherapy',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90833': {
    code: '90833',
    description: 'Psychotherapy, about 30 minutes, added to an E/M visit the same day',
    serviceType: 'individual',
    time: { min: 16, max: 37 },
    addOn: true,
    primaries: WITH_EM,
    category: 'psychotherapy-with-em',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90834': {
    code: '90834',
    description: 'Psychotherapy, about 45 minutes',
    serviceType: 'individual',
    time: { min: 38, max: 52 },
    addOn: false,
    primaries: [],
    category: 'psychotherapy',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90836': {
    code: '90836',
    description: 'Psychotherapy, about 45 minutes, added to an E/M visit the same day',
    serviceType: 'individual',
    time: { min: 38, max: 52 },
    addOn: true,
    primaries: WITH_EM,
    category: 'psychotherapy-with-em',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90837': {
    code: '90837',
    description: 'Psychotherapy, about 60 minutes',
    serviceType: 'individual',
    time: { min: 53 },
    addOn: false,
    primaries: [],
    category: 'psychotherapy',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90838': {
    code: '90838',
    description: 'Psychotherapy, about 60 minutes, added to an E/M visit the same day',
    serviceType: 'individual',
    time: { min: 53 },
    addOn: true,
    primaries: WITH_EM,
    category: 'psychotherapy-with-em',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90839': {
    code: '90839',
    description: 'Psychotherapy for a crisis, first hour (30 to 74 minutes), once a day',
    serviceType: 'crisis',
    time: { min: 30, max: 74 },
    addOn: false,
    primaries: [],
    category: 'crisis',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90840': {
    // Minutes are the whole crisis session: the first unit applies from 75 minutes.
    code: '90840',
    description: 'Psychotherapy for a crisis, each further 30 minutes past the first 74',
    serviceType: 'crisis',
    time: { min: 75 },
    addOn: true,
    primaries: ['90839'],
    category: 'crisis',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90785': {
    code: '90785',
    description: 'Interactive complexity: a documented factor made communication harder (adds no time)',
    serviceType: null,
    time: null,
    addOn: true,
    primaries: ['90791', '90792', '90832', '90833', '90834', '90836', '90837', '90838', '90853'],
    category: 'add-on',
    source: `${GUIDES}; APA Services interactive complexity guide (2022)`,
    confidence: 'seen-3p',
  },
  '90846': {
    code: '90846',
    description: 'Family psychotherapy without the patient present, about 50 minutes',
    serviceType: 'family',
    time: { min: 26 },
    addOn: false,
    primaries: [],
    category: 'family',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90847': {
    code: '90847',
    description: 'Family psychotherapy with the patient present, about 50 minutes',
    serviceType: 'family',
    time: { min: 26 },
    addOn: false,
    primaries: [],
    category: 'family',
    source: GUIDES,
    confidence: 'seen-3p',
  },
  '90853': {
    code: '90853',
    description: 'Group psychotherapy (not a multiple-family group)',
    serviceType: 'group',
    time: null,
    addOn: false,
    primaries: [],
    category: 'group',
    source: `${GUIDES}; ${NGS}`,
    confidence: 'seen-3p',
  },
} as const satisfies Readonly<Record<string, CptCode>>;

/** A code goldthread knows. */
export type KnownCpt = keyof typeof CPT_CODES;

/** The facts for a code, or undefined when it is not one goldthread knows for behavioral health. */
export function lookupCpt(code: string): CptCode | undefined {
  const key = code.trim();
  return Object.hasOwn(CPT_CODES, key) ? CPT_CODES[key as KnownCpt] : undefined;
}

/**
 * Whether a session of `minutes` may be billed with the code: inside its time window, or any
 * length when the code is not time-based. False for an unknown code or a non-finite or negative length.
 */
export function cptTimeFits(code: string, minutes: number): boolean {
  const entry = lookupCpt(code);
  if (entry === undefined || !Number.isFinite(minutes) || minutes < 0) return false;
  if (entry.time === null) return true;
  const { min, max } = entry.time;
  return minutes >= min && (max === undefined || minutes <= max);
}

/** Whether a code is an evaluation and management (E/M) code, the CPT range 99202-99499. */
export function isEmCode(code: string): boolean {
  const trimmed = code.trim();
  if (!/^99\d{3}$/.test(trimmed)) return false;
  const value = Number(trimmed);
  return value >= 99202 && value <= 99499;
}
