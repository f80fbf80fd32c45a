import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a zod schema as an editor sees the YAML: our scalars arrive as text and are
 * parsed by the schema, so each is described by what a user writes (an integer, a date, text that
 * may look like a number such as `cpt: 90837`), not by the text the parser receives.
 */
export function toEditorJsonSchema(schema: z.ZodType, meta: { id: string; title: string }): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const scalarMeta = z.globalRegistry.get(ctx.zodSchema as unknown as z.ZodType) as
        | { scalar?: string; minimum?: number; maximum?: number }
        | undefined;
      const kind = scalarMeta?.scalar;
      if (!kind) return;
      const target = ctx.jsonSchema as JsonSchema;
      for (const key of Object.keys(target)) delete target[key];
      if (kind === 'integer')
        Object.assign(target, { type: 'integer', minimum: scalarMeta.minimum, maximum: scalarMeta.maximum });
      else if (kind === 'number') Object.assign(target, { type: 'number' });
      else if (kind === 'boolean') Object.assign(target, { type: 'boolean' });
      else if (kind === 'date') Object.assign(target, { type: 'string', format: 'date' });
      else Object.assign(target, { type: ['string', 'number'] });
    },
  }) as JsonSchema;
  return { $id: meta.id, title: meta.title, ...json };
}
