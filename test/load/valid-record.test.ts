import { describe, expect, it } from 'vitest';
import { loadRecordFile, loadRecordText } from '../../src/load/record.js';
import type { LinkedRecord } from '../../src/model/linked.js';
import { FIXTURES, VALID_JSON, VALID_YAML } from './record-fixture.js';

describe('the contract example record', () => {
  it('loads from YAML and from its JSON twin to the same data', async () => {
    const fromYaml = await loadRecordFile(`${FIXTURES}valid.yaml`);
    const fromJson = await loadRecordFile(`${FIXTURES}valid.json`);
    expect(fromYaml.source).toBe(`${FIXTURES}valid.yaml`);
    expect(fromJson.data).toEqual(fromYaml.data);
  });

  it('keeps unquoted codes, numbers with leading zeros and phone numbers as the text written', () => {
    const { data } = loadRecordText(VALID_YAML, 'valid.yaml');
    expect(data.coverage.groupNumber).toBe('0012345');
    expect(data.assessment.cpt).toBe('90791');
    expect(data.interventions[0]?.service.cpt).toBe('90837');
    expect(data.sessions?.[0]?.cpt).toBe('90837');
    expect(data.provider.clinician.npi).toBe('1234567893');
    expect(data.provider.organization.phone).toBe('718-555-0142');
    expect(data.coverage.memberId).toBe('W123456789');
    expect(data.patient.dob).toBe('1987-03-14');
  });

  it('reads numbers and booleans where the schema means them', () => {
    const { data } = loadRecordText(VALID_YAML, 'valid.yaml');
    expect(data.interventions[0]?.service.minutes).toBe(55);
    expect(data.interventions[0]?.service.frequency).toEqual({ count: 1, per: 'week' });
    expect(data.provider.clinician.supervised).toBe(false);
    expect(data.coverage.authorization?.sessionsApproved).toBe(12);
    expect(data.objectives[0]?.measure).toEqual({
      instrument: 'PHQ-9',
      baseline: 18,
      target: 9,
      direction: 'decrease',
    });
    expect(data.discharge?.outcomes?.[2]).toEqual({ objective: 'O3', status: 'partially-met', final: 7 });
  });

  it('treats `null` as an absent field and keeps folded prose as one paragraph', () => {
    const { data } = loadRecordText(VALID_YAML, 'valid.yaml');
    expect(data.plan).not.toHaveProperty('priorPlanDate');
    expect(data.interventions[0]?.justification).toBe(
      'Two co-occurring disorders and active safety planning need more than 45 minutes per session.',
    );
  });

  it('reads a file saved with Windows line ends the same, with the same positions', () => {
    const crlf = VALID_YAML.replace(/\n/g, '\r\n');
    expect(loadRecordText(crlf, 'crlf.yaml').data).toEqual(loadRecordText(VALID_YAML, 'valid.yaml').data);
    expect(() => loadRecordText(crlf.replace('sex: F', 'sex: Q'), 'crlf.yaml')).toThrow(
      'crlf.yaml:10:3: patient.sex: expected one of: F, M, X, U',
    );
  });

  it('reads a UTF-8 byte-order mark as nothing', () => {
    const { data } = loadRecordText(`\uFEFF${VALID_JSON}`, 'valid.json');
    expect(data.id).toBe('whitfield-2026-09');
  });
});

describe('the linked model', () => {
  const linked: LinkedRecord = loadRecordText(VALID_YAML, 'valid.yaml');
  const ids = (nodes: readonly { data: { id: string } }[]) => nodes.map((n) => n.data.id);

  it('gives each part its index and record path', () => {
    expect(linked.objectives.map((o) => o.path)).toEqual(['objectives[0]', 'objectives[1]', 'objectives[2]']);
    expect(linked.objectives[2]?.index).toBe(2);
    expect(linked.sessions.map((s) => s.path)).toEqual(['sessions[0]', 'sessions[1]']);
    expect(linked.diagnoses[1]?.path).toBe('diagnoses[1]');
  });

  it('lets an objective reach its goal, interventions and sessions', () => {
    const [o1, o2, o3] = linked.objectives;
    expect(o1?.goal.data.id).toBe('G1');
    expect(o3?.goal.data.id).toBe('G2');
    expect(ids(o1?.interventions ?? [])).toEqual(['I1']);
    expect(ids(o3?.interventions ?? [])).toEqual(['I2']);
    expect(o1?.sessions.map((s) => s.data.date)).toEqual(['2026-09-16']);
    expect(o2?.sessions.map((s) => s.data.date)).toEqual(['2026-09-16']);
    expect(o3?.sessions.map((s) => s.data.date)).toEqual(['2026-09-23']);
    // The same node, not a copy: walking down and back up arrives where it started.
    expect(o1?.goal.objectives[0]).toBe(o1);
  });

  it('lets a problem reach its diagnoses and goals, and a diagnosis its problems', () => {
    const [p1, p2] = linked.problems;
    expect(p1?.diagnoses.map((d) => d.data.code)).toEqual(['F33.1']);
    expect(ids(p1?.goals ?? [])).toEqual(['G1']);
    expect(ids(p2?.goals ?? [])).toEqual(['G2']);
    expect(ids(linked.diagnoses[1]?.problems ?? [])).toEqual(['P2']);
    expect(linked.diagnoses[0]?.problems[0]).toBe(p1);
  });

  it('lets a goal reach its problems and objectives, and an intervention its objectives', () => {
    const [g1, g2] = linked.goals;
    expect(ids(g1?.problems ?? [])).toEqual(['P1']);
    expect(ids(g1?.objectives ?? [])).toEqual(['O1', 'O2']);
    expect(ids(g2?.objectives ?? [])).toEqual(['O3']);
    expect(ids(linked.interventions[0]?.objectives ?? [])).toEqual(['O1', 'O2']);
    expect(ids(linked.sessions[0]?.objectives ?? [])).toEqual(['O1', 'O2']);
  });
});
