import { expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { newRecord } from '../../test/support/fixtures.js';
import { appendAction, listActions } from './index.js';

describeBackends('record actions', (store) => {
  it('ignores a replayed insert with the same client transaction id', async () => {
    const { db } = store();
    const rec = await newRecord(db);
    const first = await appendAction(db, { record_id: rec.id, client_tx_id: 'tx-replay-0001', kind: 'keyed', payload: { values: { so: '7' } } });
    const again = await appendAction(db, { record_id: rec.id, client_tx_id: 'tx-replay-0001', kind: 'corrected', payload: { values: { so: '8' } } });
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.action.id).toBe(first.action.id);
    const actions = await listActions(db, rec.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.payload).toEqual({ values: { so: '7' } });
  });
});
