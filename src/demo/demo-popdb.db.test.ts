/**
 * The demo's population-DB return file on both backends: built for a
 * commune as its officer, it imports as is and gives every class the
 * workflow shows (one same, two differences, one not found, one conflict).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { buildPopdbWorld, type PopdbWorld } from '../../test/support/popdb-world.js';
import { importPopdbFile, listConflicts } from '../popdb/index.js';
import { demoPopdbReturn } from './demo-popdb.js';

describeBackends('demo population-DB return file', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let w: PopdbWorld;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    w = await buildPopdbWorld(ctx);
  }, 120_000);
  afterAll(() => dispose());

  it('imports as is and shows every class of the workflow', async () => {
    const file = await demoPopdbReturn(w.officerCtx, w.unitA, 7);
    expect(file.rows).toBe(5);
    const { view } = await importPopdbFile(w.officerCtx, { fileName: file.name, bytes: file.bytes });
    expect(view.status).toBe('imported');
    expect(view.counts).toEqual({ same: 1, differs: 2, not_found: 1, id_conflict: 1 });
    const diffs = (await listConflicts(w.officerCtx)).flatMap((c) => c.diffs.map((d) => d.key)).sort();
    expect(diffs).toEqual(['hoTen', 'ngaySinh']);
  });
});
