import { z } from 'zod';
import { profileSchema } from './profile-schema.js';

/**
 * The profile format as JSON Schema, for editors (yaml-language-server completes and checks a
 * profile from it). Scalars are described as an editor sees them in YAML: `90` is an integer and
 * `true` a boolean there, though goldthread reads every scalar as the text written and parses it.
 */

type JsonObject = Record<string, unknown>;

/** Rewrites one scalar node, marked by the scalar builders' `scalar` meta tag, in place. */
function describeScalar(node: JsonObject): void {
  const scalar = node.scalar;
  if (typeof scalar !== 'string') return;
  const { description, minimum, maximum, pattern, minLength, maxLength } = node;
  for (const key of Object.keys(node)) delete node[key];
  const keep = (entries: JsonObject) => {
    for (const [key, value] of Object.entries(entries)) if (value !== undefined) node[key] = value;
  };
  switch (scalar) {
    case 'integer':
      keep({ type: 'integer', minimum, maximum });
      break;
    case 'number':
      keep({ type: 'number' });
      break;
    case 'boolean':
      keep({ type: 'boolean' });
      break;
    case 'date':
      keep({ type: 'string', format: 'date' });
      break;
    default:
      // A code such as 90837 is a number to the editor and text to goldthread: accept both.
      keep({ type: ['string', 'number'], pattern, minLength, maxLength });
  }
  keep({ description });
}

/** The JSON Schema of a profile file (draft 2020-12). */
export function profileJsonSchema(): JsonObject {
  return z.toJSONSchema(profileSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => describeScalar(ctx.jsonSchema as JsonObject),
  }) as JsonObject;
}

/** The JSON Schema as the text written to payers/profile.schema.json and printed by `profiles schema`. */
export function profileJsonSchemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}
