import { z } from 'zod';
import { RULE_CATALOGUE } from '../audit/catalogue.js';
import { LEVELS_OF_CARE } from '../model/record.js';
import { bool, integer, isoDate, list, oneOf, text, token } from '../model/scalars.js';
import { DOCUMENT_SECTION_IDS, DOCUMENT_SECTIONS } from './document-sections.js';
import { SECTION_NAMES } from './resolved-profile.js';

/**
 * The payer profile format, goldthread/profile@1: what a consultant writes. The public core is
 * ../shared/contract/profile-format.md; the rest is what a payer's rules need. Every value is
 * optional below the core because a profile that `extends` another only writes what differs;
 * the loader checks that each payer profile has every value once inheritance is applied.
 */

/** The `format` every profile file states. */
export const PROFILE_FORMAT = 'goldthread/profile@1';

/** What a profile may set a rule to: a severity, or off. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
/** How sure a source is (../shared/reference/payer-facts.md). */
export const CONFIDENCES = ['seen', 'seen-3p', 'inferred', 'unsourced'] as const;
/** The roles a payer can require on every plan; supervisor and guardian follow from the record. */
export const ALWAYS_SIGNING_ROLES = ['clinician', 'patient'] as const;

/** A profile id, which is also what records name in `coverage.payer` and the file's name. */
export const profileId = () => token(/^[a-z0-9-]{1,64}$/, 'a profile id of lowercase letters, digits and dashes');
const cptCode = () => token(/^\d{4}[0-9A-Z]$/, 'a five-character CPT code such as 90837');
const partialName = () => token(/^[a-z0-9-]{1,64}$/, 'a template partial name of lowercase letters, digits and dashes');
/** A dotted path naming one value of a profile, e.g. `review.everyDays` or `rules.smart/vague-language`. */
const valuePath = () =>
  token(/^[A-Za-z0-9./-]{1,128}$/, 'a dotted path to a value, such as review.everyDays').meta({
    description: 'A dotted path to a value of this profile, such as review.everyDays or rules.smart/vague-language',
  });
const days = (min: number, max: number, description: string) => integer(min, max).meta({ description });

const sourceSchema = z.strictObject({
  id: token(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a short source id of lowercase letters, digits and dashes').meta({
    description: 'A short name for the source, unique in this file (e.g. ngs-2151969)',
  }),
  title: text().meta({ description: 'What the source is: publisher, document title, section' }),
  url: token(/^https?:\/\/\S+$/, 'a web address starting with http:// or https://').optional(),
  confidence: oneOf(CONFIDENCES).meta({
    description:
      "seen: read in the payer's own text; seen-3p: read in a third-party summary; inferred: concluded from what the source does not say; unsourced: no source found",
  }),
  supports: list(valuePath())
    .meta({ description: 'The values of this profile this source backs, as dotted paths (review.everyDays)' })
    .optional(),
});

const levelCadences = z.strictObject(
  Object.fromEntries(
    LEVELS_OF_CARE.map((level) => [level, days(1, 3650, `Review cadence in days at ${level} care`).optional()]),
  ),
) as z.ZodObject<Record<(typeof LEVELS_OF_CARE)[number], z.ZodOptional<ReturnType<typeof integer>>>>;

const rulesSchema = z
  .strictObject(
    Object.fromEntries(
      RULE_CATALOGUE.map((rule) => [rule.id, oneOf(SEVERITY_SETTINGS).meta({ description: rule.summary }).optional()]),
    ),
  )
  .meta({ description: "Each audit rule's severity for this payer (error, warning, info) or off" });

/** One document kind's look: its title and the order of its sections (each section exactly once). */
const lookSchema = <K extends keyof typeof DOCUMENT_SECTIONS>(kind: K) =>
  z.strictObject({
    title: text()
      .meta({ description: `The ${kind} document's title` })
      .optional(),
    sections: list(oneOf(DOCUMENT_SECTIONS[kind]))
      .meta({ description: `The ${kind} sections in the order they appear; name each exactly once` })
      .optional(),
  });

const documentsSchema = z.strictObject({
  'treatment-plan': lookSchema('treatment-plan').optional(),
  'plan-review': lookSchema('plan-review').optional(),
  'discharge-summary': lookSchema('discharge-summary').optional(),
  labels: z
    .strictObject(Object.fromEntries(DOCUMENT_SECTION_IDS.map((id) => [id, text().optional()])))
    .meta({ description: 'Section headings by section id, for every document kind' })
    .optional(),
  partials: z
    .record(partialName(), partialName())
    .meta({ description: 'Template partials this payer replaces: partial name -> the partial used instead' })
    .optional(),
});

/** The schema of one profile file. Objects are strict: an unknown or misspelled key is an error. */
export const profileSchema = z
  .strictObject({
    format: z.literal(PROFILE_FORMAT, { error: `expected exactly "${PROFILE_FORMAT}"` }),
    id: profileId().meta({ description: 'What records name in coverage.payer; the file is named <id>.yaml' }),
    name: text().meta({ description: 'The payer or plan name as people say it' }),
    abstract: bool()
      .meta({ description: 'true for a profile only others extend (such as base); records cannot name it' })
      .optional(),
    extends: profileId()
      .meta({ description: 'The profile this one starts from; lists given here replace its lists' })
      .optional(),
    effective: isoDate().meta({ description: 'The date these rules apply from' }),
    sources: list(sourceSchema).meta({ description: 'Where the values come from' }).optional(),
    unsourced: list(valuePath())
      .meta({ description: 'Values no public source backs (a sensible default), as dotted paths' })
      .optional(),
    sections: z
      .strictObject({
        required: list(oneOf(SECTION_NAMES)).meta({ description: 'Record sections the plan must fill' }).optional(),
      })
      .optional(),
    review: z
      .strictObject({
        everyDays: days(1, 3650, "The plan's review cadence in days").optional(),
        byLevelOfCare: levelCadences.meta({ description: 'Cadence per level of care where it differs' }).optional(),
      })
      .optional(),
    initialPlan: z
      .strictObject({
        maxDaysAfterIntake: days(0, 3650, 'The initial plan is due this many days after intake').optional(),
        maxVisits: integer(1, 1000).meta({ description: 'The initial plan is in place by this visit' }).optional(),
      })
      .optional(),
    maxPlanAgeDays: days(1, 3650, 'A plan older than this on a date of service has expired').optional(),
    objectiveHorizonDays: days(
      1,
      3650,
      'The latest an objective may be targeted, in days after the plan date',
    ).optional(),
    maxDurationDays: days(1, 3650, 'The longest expected duration a plan may state, in days').optional(),
    signatures: z
      .strictObject({
        required: list(oneOf(ALWAYS_SIGNING_ROLES))
          .meta({ description: 'Who signs every plan: clinician, and patient where the payer requires it' })
          .optional(),
        supervisorWhenSupervised: bool()
          .meta({ description: 'A supervisor signs when the clinician is supervised' })
          .optional(),
        guardianForMinor: bool().meta({ description: 'A guardian signs for a patient under 18' }).optional(),
        graceDays: days(0, 365, 'Days after the plan date before a missing signature date is flagged').optional(),
      })
      .optional(),
    cpt: z
      .strictObject({
        needJustification: list(cptCode())
          .meta({ description: 'Codes that need a written justification when planned' })
          .optional(),
        notCovered: list(cptCode()).meta({ description: 'Codes this payer does not cover' }).optional(),
      })
      .optional(),
    cloning: z
      .strictObject({
        minPatients: integer(2, 1000)
          .meta({ description: 'Text shared by this many different patients is flagged as cloned' })
          .optional(),
      })
      .optional(),
    rules: rulesSchema.optional(),
    documents: documentsSchema
      .meta({ description: "The documents' titles, section order, labels and partials" })
      .optional(),
  })
  .meta({ title: 'goldthread payer profile (goldthread/profile@1)' });

/** A profile file as written, after validation: only what the file itself says. */
export type ProfileFile = z.output<typeof profileSchema>;
