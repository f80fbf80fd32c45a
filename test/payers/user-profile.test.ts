import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditRecords } from '../../src/audit/audit.js';
import { composeDocument } from '../../src/compose/compose.js';
import { loadTemplateSet } from '../../src/compose/templates.js';
import { loadRecordFile } from '../../src/load/record.js';
import { loadProfileRegistry } from '../../src/payers/registry.js';
import { header, profileFolder } from './support.js';

/**
 * The consultant's loop: a profile in a folder of their own, extending a built-in one, changes
 * how a record is judged and how its documents look when passed with --profiles.
 */
describe('a user profile layered over the built-ins', () => {
  const sample = fileURLToPath(new URL('../../samples/castellanos-2026-09.yaml', import.meta.url));

  it('changes the audit and the treatment plan of a record that names the payer', async () => {
    const userDir = await profileFolder({
      'bcbs.yaml': `${header('bcbs', '2026-01-01', 'bcbs')}review:\n  everyDays: 7\nunsourced: [review]\ndocuments:\n  treatment-plan:\n    title: Blue Plan of Care\n  labels:\n    goals: Goals we agreed\n`,
    });
    const record = await loadRecordFile(sample);
    expect(record.data.coverage.payer).toBe('bcbs');
    const planDate = record.data.plan.effectiveDate;
    const asOf = '2026-09-24'; // 20 days after the plan date: due under a 7-day cadence, not under 90

    const judge = async (options: { userDir?: string }) => {
      const profile = (await loadProfileRegistry(options)).resolve('bcbs', planDate);
      const [findings = []] = auditRecords([{ record, profile }], { asOf });
      const tree = composeDocument(record, { kind: 'treatment-plan', profile, templates: loadTemplateSet(), asOf });
      return { rules: findings.map((f) => f.rule), tree };
    };
    const builtIn = await judge({});
    const layered = await judge({ userDir });

    expect(builtIn.rules).not.toContain('plan/review-overdue');
    expect(layered.rules).toContain('plan/review-overdue');
    expect(builtIn.tree.title).toBe('Individualized Treatment Plan');
    expect(layered.tree.title).toBe('Blue Plan of Care');
    const sectionTitle = (tree: typeof layered.tree, id: string) => {
      const block = tree.blocks.find((b) => b.kind === 'section' && b.id === id);
      return block?.kind === 'section' ? block.title : undefined;
    };
    expect(sectionTitle(builtIn.tree, 'goals')).toBe('Goals and objectives');
    expect(sectionTitle(layered.tree, 'goals')).toBe('Goals we agreed');
  });
});
