/**
 * The EntryPolicy the server hands to entry's routes (composition in
 * src/server/app.ts): record creation follows the book's QC mode, and writes
 * through entry's routes respect double keying (checked on the locked row, in
 * the write's own transaction) —
 * - a pass is completed through POST /api/qc/passes/:id/complete (so the
 *   comparison runs), and is frozen once its registration is compared;
 * - a registration with passes is written only by comparison and
 *   arbitration until no disagreement is open (then reviewers correct it
 *   through the usual path).
 */
import type { Transaction } from 'kysely';
import type { ActorContext } from '../auth/index.js';
import { Conflict } from '../core/index.js';
import type { EntryPolicy, WriteOp } from '../entry/index.js';
import type { Database, RecordRow } from '../store/index.js';
import { createRecordInBook } from './passes.service.js';
import { countOpenDisagreements, hasActionKind, hasKeyingPasses } from './qc.repo.js';

/** Runs on the locked record inside entry's write transaction. */
async function guardWrite(_ctx: ActorContext, db: Transaction<Database>, row: RecordRow, op: WriteOp): Promise<void> {
  if (row.keying_of !== null) {
    if (await hasActionKind(db, row.keying_of, 'compared')) {
      throw new Conflict('qc.pass_frozen', 'Hai lần nhập đã được đối chiếu nên lần nhập này không sửa được nữa.');
    }
    if (op === 'complete') {
      throw new Conflict('qc.complete_pass_via_qc', `Lần nhập độc lập được hoàn thành qua /api/qc/passes/${row.id}/complete để hai lần nhập được đối chiếu.`);
    }
    return;
  }
  if (!(await hasKeyingPasses(db, row.id))) return;
  if (!(await hasActionKind(db, row.id, 'compared')) || (await countOpenDisagreements(db, row.id)) > 0) {
    throw new Conflict('qc.registration_in_double_keying', 'Việc đăng ký này đang được nhập hai lần độc lập; hãy nhập trên lần nhập của bạn, giá trị sẽ có sau khi đối chiếu và trọng tài.');
  }
}

export function qcEntryPolicy(): EntryPolicy {
  return { createRecord: createRecordInBook, guardWrite };
}
