import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/audit/catalogue.js';
import { profileJsonSchema, profileJsonSchemaText } from '../../src/payers/profile-json-schema.js';

type Node = { type?: unknown; properties?: Record<string, Node>; items?: Node; [key: string]: unknown };

describe('the profile JSON Schema', () => {
  const schema = profileJsonSchema() as Node;
  const at = (...keys: string[]): Node =>
    keys.reduce<Node>((node, key) => (key === '[]' ? (node.items as Node) : (node.properties?.[key] as Node)), schema);

  it('matches the committed payers/profile.schema.json (run scripts/build-profile-schema.ts after a change)', () => {
    const committed = readFileSync(new URL('../../payers/profile.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(profileJsonSchemaText());
  });

  it('describes scalars as an editor sees them in YAML', () => {
    expect(at('review', 'everyDays')).toMatchObject({ type: 'integer', minimum: 1, maximum: 3650 });
    expect(at('signatures', 'guardianForMinor')).toMatchObject({ type: 'boolean' });
    expect(at('effective')).toMatchObject({ type: 'string', format: 'date' });
    expect(at('cpt', 'notCovered', '[]')).toMatchObject({ type: ['string', 'number'] });
    expect(JSON.stringify(schema)).not.toContain('"scalar"');
  });

  it('lets editors complete rule ids, severities and section names', () => {
    expect(Object.keys(at('rules').properties ?? {}).sort()).toEqual([...RULE_IDS].sort());
    expect(at('rules', 'smart/vague-language').enum).toEqual(['error', 'warning', 'info', 'off']);
    expect(at('rules').additionalProperties).toBe(false);
    expect(at('sections', 'required', '[]').enum).toContain('dischargeCriteria');
    expect(at('documents', 'plan-review', 'sections', '[]').enum).toContain('nextReview');
  });

  it('requires the core keys and refuses unknown ones', () => {
    expect(schema.required).toEqual(['format', 'id', 'name', 'effective']);
    expect(schema.additionalProperties).toBe(false);
  });
});
