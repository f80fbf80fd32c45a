/**
 * The contract's example record as plain data that hardening tests change field by field, and the
 * free-text fields a patient's data can be written into.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadRecordText } from '../../src/load/record.js';
import type { LinkedRecord } from '../../src/model/linked.js';

const EXAMPLE = new URL('../fixtures/contract-example.yaml', import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: tests write into the record by path, whatever its shape.
export type RecordData = any;

/** A path into a record: keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** A fresh copy of the example record (clean in the audit as of 2026-11-27, with a discharge). */
export function exampleData(): RecordData {
  return parse(readFileSync(EXAMPLE, 'utf8'));
}

/** Sets the value at `path`, creating objects on the way. */
export function setAt(data: RecordData, path: FieldPath, value: unknown): void {
  let node = data;
  path.slice(0, -1).forEach((key, i) => {
    if (node[key] === undefined || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key];
  });
  node[path[path.length - 1] as string | number] = value;
}

/** The value at `path`, or undefined. */
export function getAt(data: RecordData, path: FieldPath): unknown {
  return path.reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), data);
}

/** `objectives[2].statement`: the contract's notation, as load errors name fields. */
export function pathText(path: FieldPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** Loads plain data the way a JSON record file is loaded. Throws LoadError. */
export function loadData(data: RecordData, file = 'x.json'): LinkedRecord {
  return loadRecordText(JSON.stringify(data), file);
}

/** Which document shows a field: the first kind whose templates print it. */
export type ShownIn = 'treatment-plan' | 'plan-review' | 'discharge-summary';

/** A free-text field of the example record that reaches a document. */
export interface TextField {
  readonly path: FieldPath;
  readonly shownIn: ShownIn;
}

/**
 * Free-text fields of the example record that the documents print, each with a document that
 * prints it. Where a view joins a field to others (the patient's name, the guardian), the field
 * still appears whole inside the joined text.
 */
export const SHOWN_TEXT_FIELDS: readonly TextField[] = [
  { path: ['patient', 'id'], shownIn: 'treatment-plan' },
  { path: ['patient', 'name', 'given'], shownIn: 'treatment-plan' },
  { path: ['patient', 'name', 'family'], shownIn: 'treatment-plan' },
  { path: ['patient', 'guardian', 'name'], shownIn: 'treatment-plan' },
  { path: ['patient', 'guardian', 'relationship'], shownIn: 'treatment-plan' },
  { path: ['coverage', 'memberId'], shownIn: 'treatment-plan' },
  { path: ['coverage', 'groupNumber'], shownIn: 'treatment-plan' },
  { path: ['coverage', 'planName'], shownIn: 'treatment-plan' },
  { path: ['coverage', 'authorization', 'number'], shownIn: 'treatment-plan' },
  { path: ['assessment', 'summary'], shownIn: 'treatment-plan' },
  { path: ['assessment', 'risk', 'notes'], shownIn: 'treatment-plan' },
  { path: ['diagnoses', 0, 'description'], shownIn: 'treatment-plan' },
  { path: ['problems', 0, 'statement'], shownIn: 'treatment-plan' },
  { path: ['problems', 0, 'symptoms', 1], shownIn: 'treatment-plan' },
  { path: ['problems', 1, 'impairments', 0, 'description'], shownIn: 'treatment-plan' },
  { path: ['strengths', 0], shownIn: 'treatment-plan' },
  { path: ['goals', 0, 'statement'], shownIn: 'treatment-plan' },
  { path: ['objectives', 0, 'statement'], shownIn: 'treatment-plan' },
  { path: ['interventions', 0, 'modality'], shownIn: 'treatment-plan' },
  { path: ['interventions', 1, 'description'], shownIn: 'treatment-plan' },
  { path: ['interventions', 0, 'justification'], shownIn: 'treatment-plan' },
  { path: ['dischargeCriteria', 1, 'statement'], shownIn: 'treatment-plan' },
  { path: ['signatures', 1, 'name'], shownIn: 'treatment-plan' },
  { path: ['provider', 'organization', 'address'], shownIn: 'treatment-plan' },
  { path: ['discharge', 'summary'], shownIn: 'discharge-summary' },
  { path: ['discharge', 'aftercare'], shownIn: 'discharge-summary' },
  { path: ['discharge', 'referrals', 0], shownIn: 'discharge-summary' },
];
