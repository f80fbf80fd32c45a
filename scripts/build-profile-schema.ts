/**
 * Writes payers/profile.schema.json, the JSON Schema editors read through the
 * `# yaml-language-server: $schema=./profile.schema.json` line of each profile.
 * Run after changing src/payers/profile-schema.ts: `npx tsx scripts/build-profile-schema.ts`.
 * test/payers/json-schema.test.ts fails while the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { profileJsonSchemaText } from '../src/payers/profile-json-schema.js';

const target = new URL('../payers/profile.schema.json', import.meta.url);
await writeFile(target, profileJsonSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
