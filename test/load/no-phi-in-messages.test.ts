import { describe, expect, it } from 'vitest';
import { formatIssue, LoadError } from '../../src/errors.js';
import { loadRecordText } from '../../src/load/record.js';
import { decodeInput } from '../../src/load/source.js';
import { MAX_TEXT_LENGTH } from '../../src/model/scalars.js';
import { type Data, edit, loadFailure, toYaml, validData } from './record-fixture.js';

/** Every marker starts with this; none may appear in any message. */
const MARKER = 'CANARY';
/** The canary record's date of birth: a real date, so it must be a value, never a message. */
const DOB = '1990-01-02';

/** The valid record with a marker in every field that holds patient data (and the clinicians' names). */
function canaryData(): Data {
  const data = validData();
  let n = 0;
  const mark = (what: string) => `${MARKER}-${what}-${++n}`;
  data.id = mark('ID');
  data.patient = {
    id: mark('MRN'),
    name: { given: mark('GIVEN'), family: mark('FAMILY'), preferred: mark('PREFERRED') },
    dob: DOB,
    sex: 'F',
    guardian: { name: mark('GUARDIAN'), relationship: mark('RELATIONSHIP') },
  };
  Object.assign(data.coverage, { memberId: mark('MEMBER'), groupNumber: mark('GROUP'), planName: mark('PLAN') });
  data.coverage.authorization.number = mark('AUTH');
  Object.assign(data.provider.clinician, { name: mark('CLINICIAN'), license: mark('LICENSE') });
  data.provider.supervisor.name = mark('SUPERVISOR');
  Object.assign(data.provider.organization, { address: mark('ADDRESS'), phone: mark('PHONE') });
  data.assessment.summary = mark('SUMMARY');
  data.assessment.risk.notes = mark('RISK');
  for (const problem of data.problems) {
    problem.statement = mark('PROBLEM');
    problem.symptoms = [mark('SYMPTOM'), mark('SYMPTOM')];
    for (const impairment of problem.impairments) impairment.description = mark('IMPAIRMENT');
  }
  data.strengths = [mark('STRENGTH')];
  for (const goal of data.goals) goal.statement = mark('GOAL');
  for (const objective of data.objectives) objective.statement = mark('OBJECTIVE');
  data.objectives[1].measure.behavior = mark('BEHAVIOR');
  for (const intervention of data.interventions) {
    Object.assign(intervention, { description: mark('INTERVENTION'), modality: mark('MODALITY') });
  }
  data.interventions[0].justification = mark('JUSTIFICATION');
  for (const criterion of data.dischargeCriteria) criterion.statement = mark('CRITERION');
  for (const signature of data.signatures) signature.name = mark('SIGNER');
  for (const session of data.sessions) session.note = mark('NOTE');
  Object.assign(data.discharge, { summary: mark('DISCHARGE'), aftercare: mark('AFTERCARE') });
  data.discharge.referrals = [mark('REFERRAL')];
  return data;
}

/** Asserts the load fails and that no message (formatted or per issue) shows any patient data. */
function expectNoPhi(text: string, file: string): LoadError {
  const error = loadFailure(text, file);
  for (const shown of [error.message, ...error.issues.map(formatIssue), ...error.issues.map((i) => i.path)]) {
    expect(shown).not.toContain(MARKER);
    expect(shown).not.toContain(DOB);
  }
  return error;
}

describe('the canary record', () => {
  it('loads, and carries its markers in the data', () => {
    const { data } = loadRecordText(toYaml(canaryData()), 'canary.yaml');
    expect(data.patient.name.given).toMatch(/^CANARY-GIVEN-/);
    expect(data.sessions?.[1]?.note).toMatch(/^CANARY-NOTE-/);
    expect(JSON.stringify(data).match(/CANARY-/g)?.length).toBeGreaterThan(40);
  });
});

describe('no patient data in any message, however the record breaks', () => {
  // Breaks made on the data, each tried as YAML and as JSON.
  const dataBreaks: [string, (data: Data) => void][] = [
    ['a marker in a date field', (d) => (d.patient.dob = `${MARKER}-DOB`)],
    ['a real date in a field that wants a number', (d) => (d.objectives[0].measure.baseline = DOB)],
    ['a marker in an enum field', (d) => (d.patient.sex = `${MARKER}-SEX`)],
    ['a marker in a two-value code field', (d) => (d.assessment.cpt = `${MARKER}-CPT`)],
    ['a marker in the format literal', (d) => (d.format = `${MARKER}-FORMAT`)],
    ['a marker in a whole-number field', (d) => (d.interventions[0].service.minutes = `${MARKER}-MINUTES`)],
    ['a marker in a boolean field', (d) => (d.provider.clinician.supervised = `${MARKER}-BOOL`)],
    ['a marker in an NPI', (d) => (d.provider.clinician.npi = `${MARKER}-NPI`)],
    ['a marker with spaces in the record id', (d) => (d.id = `${MARKER} ID`)],
    ['a marker in a part id', (d) => (d.problems[0].id = `${MARKER} PROBLEM`)],
    ['a marker where a list belongs', (d) => (d.problems[0].symptoms = `${MARKER}-SYMPTOMS`)],
    ['a marker where a mapping belongs', (d) => (d.patient.name = `${MARKER}-NAME`)],
    ['markers in a mapping where text belongs', (d) => (d.assessment.summary = { [`${MARKER}-K`]: `${MARKER}-V` })],
    ['a marker in a nested enum', (d) => (d.problems[0].impairments[0].domain = `${MARKER}-DOMAIN`)],
    ['a marker in the signer role', (d) => (d.signatures[0].role = `${MARKER}-ROLE`)],
    ['a control character in marked text', (d) => (d.sessions[0].note = `${MARKER}-NOTE\u001b[2J`)],
    ['a marked text over the length cap', (d) => (d.assessment.summary = `${MARKER} `.repeat(MAX_TEXT_LENGTH / 6))],
    [
      'a misspelled key beside the markers',
      (d) => {
        d.patient.nmae = d.patient.name;
        delete d.patient.name;
      },
    ],
    ['a dangling reference', (d) => (d.objectives[0].goal = 'G9')],
    ['a duplicate id', (d) => (d.goals[1].id = 'G1')],
    ['two primary diagnoses', (d) => (d.diagnoses[1].rank = 'primary')],
    ['a measure with both kinds', (d) => (d.objectives[0].measure.behavior = `${MARKER}-BOTH`)],
    ['a missing required field', (d) => delete d.patient.id],
  ];

  it.each(dataBreaks)('%s (YAML)', (_what, breakIt) => {
    const data = canaryData();
    breakIt(data);
    expectNoPhi(toYaml(data), 'canary.yaml');
  });

  it.each(dataBreaks)('%s (JSON)', (_what, breakIt) => {
    const data = canaryData();
    breakIt(data);
    expectNoPhi(JSON.stringify(data, null, 2), 'canary.json');
  });

  // Breaks made on the text, where YAML itself fails or a line of prose lands where a key belongs.
  const textBreaks: [string, string, string][] = [
    ['an unclosed quote around a marker', 'memberId: CANARY-MEMBER', 'memberId: "CANARY-MEMBER'],
    ['an unclosed bracket after a marker', 'relationship: CANARY', 'relationship: [CANARY'],
    ['a duplicate key holding markers', '    family: CANARY', '    family: CANARY-AGAIN\n    family: CANARY'],
    ['a tag on a marker', 'summary: CANARY-SUMMARY', 'summary: !!str CANARY-SUMMARY'],
    ['an anchor named by a marker', 'summary: CANARY-SUMMARY', 'summary: &CANARY-ANCHOR CANARY-SUMMARY'],
    ['an alias named by a marker', 'aftercare: CANARY', 'aftercare: *CANARY-ALIAS\n  referrals: CANARY'],
    [
      'a line of narrative out of place',
      '  summary: CANARY-SUMMARY',
      '  CANARY narrative: went on\n  summary: CANARY-SUMMARY',
    ],
    ['a marker alone as a key', '  summary: CANARY-SUMMARY', '  CANARY-KEY: x\n  summary: CANARY-SUMMARY'],
    ['a marker as a key at the top', 'format: ', 'CANARY-TOP: x\nformat: '],
    ['prose with a colon inside a text value', 'aftercare: CANARY', 'aftercare: CANARY said: "fine"'],
  ];

  it.each(textBreaks)('%s', (_what, from, to) => {
    expectNoPhi(edit(toYaml(canaryData()), from, to), 'canary.yaml');
  });

  it('a marker as the whole file', () => {
    expectNoPhi(`${MARKER}-ROOT\n`, 'canary.yaml');
    expectNoPhi(`"${MARKER}-ROOT"`, 'canary.json');
  });

  it('invalid UTF-8 inside a marked field', () => {
    const yaml = toYaml(canaryData());
    const cut = yaml.indexOf('CANARY-NOTE');
    const bytes = Buffer.concat([
      Buffer.from(yaml.slice(0, cut)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(yaml.slice(cut)),
    ]);
    let error: unknown;
    try {
      decodeInput(bytes, 'canary.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).not.toContain(MARKER);
  });
});
