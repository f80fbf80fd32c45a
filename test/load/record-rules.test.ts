import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../src/load/record.js';
import { edit, failureSummaries, lastPositionOf, loadFailure, positionOf, VALID_YAML } from './record-fixture.js';

/** Asserts that `text` fails with exactly one issue: this code, path and message, at `where`. */
function expectOneIssue(text: string, code: string, path: string, message: string, where: string) {
  const { issues } = loadFailure(text);
  expect(issues.map((i) => `${i.code} ${i.path}: ${i.message} @${i.line}:${i.column}`)).toEqual([
    `${code} ${path}: ${message} @${where}`,
  ]);
}

describe('references of the golden thread', () => {
  // [reference kind, text in the fixture, its broken form, path of the reference, the missing id, where it is]
  it.each([
    [
      'problems[].diagnoses',
      'diagnoses: [F41.1]',
      'diagnoses: [F41.1, F32.9]',
      'problems[1].diagnoses[1]',
      'diagnosis F32.9',
      'F32.9',
    ],
    ['goals[].problems', 'problems: [P2]', 'problems: [P9]', 'goals[1].problems[0]', 'problem P9', 'P9'],
    ['objectives[].goal', 'goal: G2', 'goal: G7', 'objectives[2].goal', 'goal G7', 'goal: G7'],
    [
      'interventions[].objectives',
      'objectives: [O3]\n    modality',
      'objectives: [O4]\n    modality',
      'interventions[1].objectives[0]',
      'objective O4',
      'O4',
    ],
    [
      'dischargeCriteria[].objectives',
      'objectives: [O2]',
      'objectives: [O2, O5]',
      'dischargeCriteria[1].objectives[1]',
      'objective O5',
      'O5',
    ],
    [
      'sessions[].objectives',
      'objectives: [O3]\n    measures',
      'objectives: [o3]\n    measures',
      'sessions[1].objectives[0]',
      'objective o3',
      'o3',
    ],
    [
      'discharge.outcomes[].objective',
      'objective: O3',
      'objective: O6',
      'discharge.outcomes[2].objective',
      'objective O6',
      'objective: O6',
    ],
  ])('refuses a dangling %s, pointing at the reference', (_kind, from, to, path, missing, needle) => {
    const text = edit(VALID_YAML, from, to);
    expectOneIssue(
      text,
      'reference',
      path,
      `refers to ${missing}, which is not in the record`,
      positionOf(text, needle),
    );
  });

  it('reports every dangling reference, not just the first', () => {
    const text = edit(edit(VALID_YAML, 'goal: G2', 'goal: G3'), 'objective: O1', 'objective: O4');
    expect(failureSummaries(text)).toEqual([
      `reference objectives[2].goal @${positionOf(text, 'goal: G3')}`,
      `reference discharge.outcomes[0].objective @${positionOf(text, 'objective: O4')}`,
    ]);
  });

  it('prints a dangling reference the one way every load problem is printed', () => {
    const text = edit(VALID_YAML, 'problems: [P2]', 'problems: [P9]');
    expect(loadFailure(text, 'whitfield.yaml').message).toMatchInlineSnapshot(
      `"whitfield.yaml:87:16: goals[1].problems[0]: refers to problem P9, which is not in the record"`,
    );
  });
});

describe('ids unique within their list', () => {
  // [list, text in the fixture, the duplicate it becomes, path of the duplicate]
  it.each([
    ['diagnoses', 'code: F41.1', 'code: F33.1', 'diagnoses[1].code'],
    ['problems', '- id: P2', '- id: P1', 'problems[1].id'],
    ['goals', '- id: G2', '- id: G1', 'goals[1].id'],
    ['objectives', '- id: O2', '- id: O1', 'objectives[1].id'],
    ['interventions', '- id: I2', '- id: I1', 'interventions[1].id'],
  ])('refuses a repeated id in %s at the second one', (list, from, to, path) => {
    const text = edit(VALID_YAML, from, to);
    const id = to.slice(to.indexOf(': ') + 2);
    const { issues } = loadFailure(text);
    // References to the id that disappeared may dangle too; the duplicate is what this test is about.
    expect(issues).toContainEqual({
      file: 'record.yaml',
      ...splitPosition(lastPositionOf(text, to.replace('- ', ''))),
      path,
      code: 'duplicate-id',
      message: `${id} is listed twice in ${list}; ids must be unique`,
    });
  });

  it('allows the same id in different lists', () => {
    const text = VALID_YAML.replace(/\b[GOI]1\b/g, 'A1');
    const linked = loadRecordText(text, 'ids.yaml');
    expect(linked.objectives[0]?.goal.data.id).toBe('A1');
    expect(linked.objectives[0]?.interventions[0]?.data.id).toBe('A1');
  });
});

function splitPosition(position: string): { line: number; column: number } {
  const [line, column] = position.split(':').map(Number) as [number, number];
  return { line, column };
}

describe('exactly one primary diagnosis', () => {
  it('refuses a record with none', () => {
    const text = edit(VALID_YAML, 'rank: primary #', 'rank: secondary #');
    const message = 'exactly one diagnosis must have rank: primary (found 0)';
    expectOneIssue(text, 'schema', 'diagnoses', message, positionOf(text, 'diagnoses: #'));
  });

  it('refuses a record with two', () => {
    const text = edit(VALID_YAML, 'rank: secondary', 'rank: primary');
    const message = 'exactly one diagnosis must have rank: primary (found 2)';
    expectOneIssue(text, 'schema', 'diagnoses', message, positionOf(text, 'diagnoses: #'));
  });
});

describe('a measure has exactly one of instrument and behavior', () => {
  const message = 'a measure has exactly one of instrument (a scored measure) or behavior (a counted behaviour)';

  it('refuses a measure with both', () => {
    const text = edit(VALID_YAML, 'baseline: 18', 'behavior: low-mood days\n      baseline: 18');
    expectOneIssue(text, 'schema', 'objectives[0].measure', message, positionOf(text, 'measure:'));
  });

  it('refuses a measure with neither', () => {
    const text = edit(VALID_YAML, '{ instrument: GAD-7, baseline: 12', '{ baseline: 12');
    expectOneIssue(text, 'schema', 'objectives[2].measure', message, lastPositionOf(text, 'measure:'));
  });

  it.each(['{ weeks: 16, months: 4 }', '{}'])('refuses an expected duration of %s', (duration) => {
    const text = edit(VALID_YAML, '{ weeks: 16 }', duration);
    const where = positionOf(text, 'expectedDuration:');
    expectOneIssue(text, 'schema', 'services.expectedDuration', 'give exactly one of weeks or months', where);
  });
});

/** The NPI check digit, computed the way CMS publishes it: Luhn with 24 standing for the prefix 80840. */
function npiCheckDigit(firstNine: string): number {
  let sum = 24;
  [...firstNine].reverse().forEach((char, i) => {
    const doubled = i % 2 === 0 ? Number(char) * 2 : Number(char);
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return (10 - (sum % 10)) % 10;
}

describe('NPI check digit', () => {
  it("agrees with the contract's example NPIs", () => {
    for (const npi of ['1234567893', '1467598235', '1588667638']) {
      expect(npiCheckDigit(npi.slice(0, 9))).toBe(Number(npi[9]));
    }
  });

  it.each(['123456789', '100000000', '999999999', '192837465', '205918273'])(
    'accepts %s with its check digit and refuses it with any other',
    (firstNine) => {
      const good = npiCheckDigit(firstNine);
      for (let digit = 0; digit <= 9; digit++) {
        const text = edit(VALID_YAML, 'npi: 1234567893', `npi: ${firstNine}${digit}`);
        if (digit === good) {
          expect(loadRecordText(text, 'npi.yaml').data.provider.clinician.npi).toBe(`${firstNine}${digit}`);
        } else {
          const where = positionOf(text, `npi: ${firstNine}`);
          const message = 'is not a valid NPI (the check digit does not match)';
          expectOneIssue(text, 'schema', 'provider.clinician.npi', message, where);
        }
      }
    },
  );

  it.each([
    ['supervisor', 'npi: 1467598235', 'npi: 1467598234'],
    ['organization', 'npi: 1588667638', 'npi: 1588667630'],
  ])("checks the %s's NPI too", (who, from, to) => {
    const text = edit(VALID_YAML, from, to);
    const message = 'is not a valid NPI (the check digit does not match)';
    expectOneIssue(text, 'schema', `provider.${who}.npi`, message, positionOf(text, to));
  });

  it.each(['123456789', '12345678930', 'A234567893', '"123456789 "'])('refuses %s as not ten digits', (npi) => {
    const text = edit(VALID_YAML, 'npi: 1234567893', `npi: ${npi}`);
    expectOneIssue(
      text,
      'schema',
      'provider.clinician.npi',
      'expected a 10-digit NPI',
      positionOf(text, `npi: ${npi}`),
    );
  });
});
