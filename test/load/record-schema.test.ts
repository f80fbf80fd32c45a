import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/errors.js';
import { loadRecordText } from '../../src/load/record.js';
import {
  type Data,
  edit,
  failureSummaries,
  loadFailure,
  positionOf,
  toYaml,
  VALID_YAML,
  validData,
} from './record-fixture.js';

/** Asserts that `text` fails with exactly one issue: this code, path and message, at `needle`. */
function expectOneIssue(text: string, path: string, message: string, needle: string, code = 'schema') {
  const { issues } = loadFailure(text);
  expect(issues.map((i) => `${i.code} ${i.path}: ${i.message} @${i.line}:${i.column}`)).toEqual([
    `${code} ${path}: ${message} @${positionOf(text, needle)}`,
  ]);
}

describe('format', () => {
  it.each(['goldthread/record@2', 'Goldthread/record@1', '"goldthread/record@1 "', 'goldthread/plan@1'])(
    'refuses format: %s',
    (format) => {
      const text = edit(VALID_YAML, 'format: goldthread/record@1', `format: ${format}`);
      expectOneIssue(text, 'format', 'expected exactly "goldthread/record@1"', `format: ${format}`);
    },
  );

  it('prints file, line:column, path and what was expected', () => {
    const text = edit(VALID_YAML, 'format: goldthread/record@1', 'format: goldthread/record@2');
    expect(loadFailure(text, 'samples/whitfield.yaml').message).toMatchInlineSnapshot(
      `"samples/whitfield.yaml:3:1: format: expected exactly "goldthread/record@1""`,
    );
  });
});

describe('required fields', () => {
  // [field removed, where the error points: the start of the mapping that lacks it]
  const required: [string, string][] = [
    ['format', 'id: whitfield'],
    ['id', 'format: '],
    ['patient', 'format: '],
    ['patient.id', 'name:\n    given'],
    ['patient.name', 'id: MRN-004512'],
    ['patient.dob', 'id: MRN-004512'],
    ['coverage', 'format: '],
    ['coverage.payer', 'memberId: '],
    ['coverage.memberId', 'payer: aetna'],
    ['provider', 'format: '],
    ['provider.clinician', 'supervisor:'],
    ['provider.clinician.name', 'credentials: LCSW\n'],
    ['provider.clinician.credentials', 'name: Alex Rivera'],
    ['provider.clinician.npi', 'name: Alex Rivera'],
    ['provider.organization', 'clinician:'],
    ['provider.organization.name', 'npi: 1588667638'],
    ['assessment', 'format: '],
    ['assessment.date', 'cpt: 90791'],
    ['assessment.cpt', 'date: 2026-09-02\n  summary'],
    ['assessment.summary', 'date: 2026-09-02\n  cpt'],
    ['diagnoses', 'format: '],
    ['problems', 'format: '],
    ['goals', 'format: '],
    ['objectives', 'format: '],
    ['interventions', 'format: '],
    ['services', 'format: '],
    ['plan', 'format: '],
    // Required inside list items and enums, which fail differently in zod.
    ['diagnoses.0.rank', 'code: F33.1'],
    ['goals.0.problems', 'id: G1'],
    ['objectives.1.goal', 'id: O2'],
    ['interventions.0.service', 'id: I1'],
    ['services.levelOfCare', 'expectedDuration:'],
    ['plan.kind', 'version: 1'],
  ];

  it.each(required)('refuses a record without %s, pointing at its parent', (field, needle) => {
    const data = validData();
    const keys = field.split('.');
    const parent = keys.slice(0, -1).reduce((node: Data, key) => node[key], data);
    delete parent[keys.at(-1) as string];
    const text = toYaml(data);
    const path = field.replace(/\.(\d+)/g, '[$1]');
    expectOneIssue(text, path, 'is required but missing', needle);
  });

  it.each(['diagnoses', 'problems', 'goals', 'objectives', 'interventions'])('refuses an empty %s list', (list) => {
    const data = validData();
    data[list] = [];
    const text = toYaml(data);
    const { issues } = loadFailure(text);
    expect(issues[0]?.path).toBe(list);
    expect(issues[0]?.message).toMatch(/^needs at least one /);
    expect(`${issues[0]?.line}:${issues[0]?.column}`).toBe(positionOf(text, `${list}: []`));
  });

  it('accepts a record with only the required fields', () => {
    const data = validData();
    for (const key of ['strengths', 'dischargeCriteria', 'signatures', 'sessions', 'discharge']) delete data[key];
    for (const key of ['sex', 'guardian']) delete data.patient[key];
    delete data.provider.supervisor;
    delete data.coverage.authorization;
    for (const key of ['instruments', 'risk']) delete data.assessment[key];
    for (const objective of data.objectives)
      for (const key of ['measure', 'targetDate', 'statement']) delete objective[key];
    for (const problem of data.problems) for (const key of ['impairments', 'symptoms']) delete problem[key];
    expect(loadRecordText(toYaml(data), 'minimal.yaml').data.objectives).toHaveLength(3);
  });
});

describe('types', () => {
  // [text in the fixture, its replacement, path, message]; the error points at the field's key.
  it.each([
    ['minutes: 55 #', 'minutes: lots #', 'interventions[0].service.minutes', 'expected a whole number'],
    ['minutes: 55 #', 'minutes: 0 #', 'interventions[0].service.minutes', 'must be at least 1'],
    ['minutes: 56', 'minutes: 1441', 'sessions[0].minutes', 'must be at most 1440'],
    ['version: 1', 'version: 1.5', 'plan.version', 'expected a whole number'],
    ['baseline: 18', 'baseline: eighteen', 'objectives[0].measure.baseline', 'expected a number'],
    ['supervised: false', 'supervised: no', 'provider.clinician.supervised', 'expected true or false'],
    [
      'sessionsApproved: 12',
      'sessionsApproved: [12]',
      'coverage.authorization.sessionsApproved',
      'expected a whole number',
    ],
    ['summary: >-', 'summary: [one, two]\n  old: >-', 'assessment.summary', 'expected text'],
    [
      'symptoms: [worry most days, muscle tension, restlessness]',
      'symptoms: worry',
      'problems[1].symptoms',
      'expected a list',
    ],
    ['npi: 1234567893', 'npi: { number: 1234567893 }', 'provider.clinician.npi', 'expected a 10-digit NPI'],
    [
      'name: { given: Dana, family: Whitfield }',
      'name: Dana Whitfield',
      'patient.name',
      'Invalid input: expected object, received string',
    ],
  ])('refuses %s written as %s', (from, to, path, message) => {
    const text = edit(VALID_YAML, from, to);
    const { issues } = loadFailure(text);
    const issue = issues.find((i) => i.path === path);
    expect(issue).toMatchObject({ code: 'schema', path, message });
    expect(`${issue?.line}:${issue?.column}`).toBe(positionOf(text, to));
  });

  it('refuses text fields that are blank', () => {
    const text = edit(VALID_YAML, 'memberId: W123456789', 'memberId: "   "');
    expectOneIssue(text, 'coverage.memberId', 'must not be empty', 'memberId: "   "');
  });
});

describe('enums', () => {
  // [text in the fixture (key: value), the wrong value, path, message]
  it.each([
    ['sex: F', 'female', 'patient.sex', 'expected one of: F, M, X, U'],
    ['suicide: low', 'mild', 'assessment.risk.suicide', 'expected one of: none, low, moderate, high'],
    ['cpt: 90791', '90837', 'assessment.cpt', 'expected 90791 or 90792'],
    ['rank: primary #', 'main #', 'diagnoses[0].rank', 'expected one of: primary, secondary'],
    [
      'domain: social',
      'friends',
      'problems[0].impairments[1].domain',
      'expected one of: occupational, academic, social, family, self-care, health, legal, housing, financial',
    ],
    ['direction: decrease #', 'down #', 'objectives[0].measure.direction', 'expected one of: decrease, increase'],
    [
      'status: in-progress',
      'ongoing',
      'objectives[0].status',
      'expected one of: not-started, in-progress, met, partially-met, not-met, discontinued',
    ],
    ['type: individual #', 'solo #', 'interventions[0].service.type', 'expected one of: individual, family, group'],
    ['per: week } #', 'weekly } #', 'interventions[0].service.frequency.per', 'expected one of: day, week, month'],
    [
      'levelOfCare: outpatient',
      'inpatient',
      'services.levelOfCare',
      'expected one of: outpatient, intensive-outpatient, partial-hospitalization',
    ],
    ['kind: initial', 'first', 'plan.kind', 'expected one of: initial, review, update'],
    ['role: patient', 'client', 'signatures[1].role', 'expected one of: clinician, supervisor, patient, guardian'],
    [
      'reason: goals-met',
      'done',
      'discharge.reason',
      'expected one of: goals-met, patient-withdrew, transferred, referred, non-attendance, other',
    ],
    [
      'status: partially-met',
      'halfway',
      'discharge.outcomes[2].status',
      expect.stringMatching(/^expected one of: not-started, /),
    ],
  ])('refuses %s changed to %s', (from, value, path, message) => {
    const key = from.slice(0, from.indexOf(': ') + 2);
    const text = edit(VALID_YAML, from, key + value);
    const { issues } = loadFailure(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema', path, message });
    expect(`${issues[0]?.line}:${issues[0]?.column}`).toBe(positionOf(text, key + value));
  });
});

describe('dates', () => {
  it.each([
    ['dob: 1987-03-14', '2026-02-30', 'patient.dob', 'is not a real calendar date'],
    ['dob: 1987-03-14', '2025-02-29', 'patient.dob', 'is not a real calendar date'],
    ['dob: 1987-03-14', '1987-13-01', 'patient.dob', 'is not a real calendar date'],
    ['dob: 1987-03-14', '1987-04-31', 'patient.dob', 'is not a real calendar date'],
    ['dob: 1987-03-14', '1987-3-14', 'patient.dob', 'expected a date (YYYY-MM-DD)'],
    ['dob: 1987-03-14', '03/14/1987', 'patient.dob', 'expected a date (YYYY-MM-DD)'],
    ['dob: 1987-03-14', '1987-03-14T10:00:00Z', 'patient.dob', 'expected a date (YYYY-MM-DD)'],
    ['targetDate: 2026-11-30', '2026-11-31', 'objectives[1].targetDate', 'is not a real calendar date'],
    ['effectiveDate: 2026-09-09', '2026-09-00', 'plan.effectiveDate', 'is not a real calendar date'],
    ['date: 2027-01-06', '2027-02-29', 'discharge.date', 'is not a real calendar date'],
  ])('refuses %s changed to %s with one message', (from, value, path, message) => {
    const key = from.slice(0, from.indexOf(':') + 2);
    const text = edit(VALID_YAML, from, key + value);
    expectOneIssue(text, path, message, key + value);
  });

  it('accepts a leap day in a leap year', () => {
    const text = edit(VALID_YAML, 'dob: 1987-03-14', 'dob: 1988-02-29');
    expect(loadRecordText(text, 'leap.yaml').data.patient.dob).toBe('1988-02-29');
  });
});

describe('record id', () => {
  it.each([
    ['"white field"', 'a space'],
    ['a/b', 'a slash'],
    ['"../etc"', 'a path'],
    ['x'.repeat(65), '65 characters'],
    ['whitfield:2026', 'a colon'],
  ])('refuses id %s (%s)', (id) => {
    const text = edit(VALID_YAML, 'id: whitfield-2026-09', `id: ${id}`);
    expectOneIssue(text, 'id', 'expected an id of 1-64 letters, digits, dots, dashes or underscores', `id: ${id}`);
  });

  it.each(['a', 'Whitfield_2026.09-b', 'x'.repeat(64)])('accepts id %s', (id) => {
    const text = edit(VALID_YAML, 'id: whitfield-2026-09', `id: ${id}`);
    expect(loadRecordText(text, 'id.yaml').data.id).toBe(id);
  });
});

describe('unknown and misspelled keys', () => {
  // [text in the fixture, its misspelling, path of the unknown key, the suggestion]; one case per level.
  it.each([
    ['strengths:', 'strenghts:', 'strenghts', 'strengths'],
    ['given: Dana', 'gven: Dana', 'patient.name.gven', 'given'],
    ['memberId:', 'memberID:', 'coverage.memberID', 'memberId'],
    ['sessionsApproved:', 'sessionsAproved:', 'coverage.authorization.sessionsAproved', 'sessionsApproved'],
    ['    license:', '    licence:', 'provider.clinician.licence', 'license'],
    ['homicide:', 'homocide:', 'assessment.risk.homocide', 'homicide'],
    ['rank: secondary', 'rnak: secondary', 'diagnoses[1].rnak', 'rank'],
    ['{ domain: social', '{ domian: social', 'problems[0].impairments[1].domian', 'domain'],
    ['    targetDate: 2026-11-30', '    targetdate: 2026-11-30', 'objectives[1].targetdate', 'targetDate'],
    ['{ count: 1, per: week } }', '{ cuont: 1, per: week } }', 'interventions[1].service.frequency.cuont', 'count'],
    ['{ weeks: 16 }', '{ weks: 16 }', 'services.expectedDuration.weks', 'weeks'],
    ['effectiveDate:', 'efectiveDate:', 'plan.efectiveDate', 'effectiveDate'],
    ['  - { role: patient', '  - { rol: patient', 'signatures[1].rol', 'role'],
    ['    note: Built', '    notes: Built', 'sessions[0].notes', 'note'],
    ['final: 0 }', 'finl: 0 }', 'discharge.outcomes[1].finl', 'final'],
  ])('names %s misspelled as %s and suggests the field', (from, to, path, suggestion) => {
    const text = edit(VALID_YAML, from, to);
    const key = path.slice(path.lastIndexOf('.') + 1);
    const { issues } = loadFailure(text);
    const unknown = issues.find((i) => i.message.startsWith('unknown field'));
    expect(unknown).toMatchObject({
      code: 'schema',
      path,
      message: `unknown field "${key}"; did you mean "${suggestion}"?`,
    });
    expect(`${unknown?.line}:${unknown?.column}`).toBe(positionOf(text, to.trim().replace(/^[-{ ]+/, '')));
  });

  it('lists the known fields when nothing is close', () => {
    const text = edit(VALID_YAML, '  sex: F', '  favouriteColour: blue');
    expect(loadFailure(text).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "record.yaml:10:3: patient.favouriteColour: unknown field "favouriteColour"; expected one of: id, name, dob, sex, guardian",
      ]
    `);
  });

  it('reports every unknown key, each where it is', () => {
    const text = edit(edit(VALID_YAML, 'planName:', 'plan_name:'), '    credentials: LCSW-R', '    credential: LCSW-R');
    expect(failureSummaries(text)).toEqual([
      `schema coverage.plan_name @${positionOf(text, 'plan_name')}`,
      `schema provider.supervisor.credential @${positionOf(text, 'credential:')}`,
    ]);
  });
});
