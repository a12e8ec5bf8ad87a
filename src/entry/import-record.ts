/**
 * A registration imported from a file (src/exchange import), written inside
 * the importer's transaction: created (with its source: file, sheet, row,
 * sha256; no page yet) + keyed (the values) + warnings_acknowledged (by the
 * importing user) + completed, then the projection. The client transaction
 * ids derive from the caller's `clientTxId` (file sha256 + sheet + row), so
 * replaying the same row finds its record and adds nothing. A row that could
 * not be completed (an ERROR, an unacknowledged WARNING) throws and the whole
 * import rolls back.
 */
import type { Transaction } from 'kysely';
import { actorIdOf, type Actor } from '../auth/index.js';
import { Invalid } from '../core/index.js';
import type { Database, RecordAction } from '../store/index.js';
import type { ImportSource, RecordActionBody } from './actions.schema.js';
import { appendAction, findActionsByTx } from './actions.repo.js';
import { fold, type RecordState } from './fold.js';
import { completionBlockers, recordFindings } from './record-view.js';
import { insertEmptyRecord, writeProjection } from './records.repo.js';

export interface ImportRecordInput {
  bookId: string;
  registerType: string;
  templateId: string;
  /** MoJ column key → text, already cleaned (NFC, whitespace). */
  values: Readonly<Record<string, string>>;
  /** WARNING codes (or path:code) the importing user accepts. */
  acknowledge: readonly string[];
  source: ImportSource;
  /** 8..100 characters; the actions use it and `<id>#keyed`, `<id>#ack`, `<id>#done`. */
  clientTxId: string;
  /** The importing user (her books.write and the book's scope were checked by the importer). */
  actor: Actor;
  /** The day that counts as today for the completion check. */
  today: Date;
  /**
   * The book the projection (records row, findings, person index) is written into while the import is
   * unfinished, when it is not bookId: an import's hidden staging copy of bookId (exchange
   * import-batches.ts), whose rows move into bookId in the import's last transaction.
   */
  projectInto?: string | undefined;
}

export interface ImportedRecord {
  recordId: string;
  /** True when this row was imported before: nothing was written. */
  replayed: boolean;
}

function plannedBodies(r: ImportRecordInput): [string, RecordActionBody][] {
  const created: RecordActionBody = {
    kind: 'created',
    payload: { bookId: r.bookId, registerType: r.registerType, templateId: r.templateId, pageIds: [], regions: [], source: r.source },
  };
  const bodies: [string, RecordActionBody][] = [
    [r.clientTxId, created],
    [`${r.clientTxId}#keyed`, { kind: 'keyed', payload: { values: { ...r.values } } }],
  ];
  const codes = [...new Set(r.acknowledge)];
  if (codes.length > 0) bodies.push([`${r.clientTxId}#ack`, { kind: 'warnings_acknowledged', payload: { codes } }]);
  bodies.push([`${r.clientTxId}#done`, { kind: 'completed', payload: {} }]);
  return bodies;
}

function assertCompletable(state: RecordState, r: ImportRecordInput): void {
  const { errors, unacknowledged } = completionBlockers(recordFindings(state, r.today));
  const blocker = errors[0] ?? unacknowledged[0];
  if (!blocker) return;
  const where = `dòng ${r.source.row} của tệp ${r.source.file}`;
  throw new Invalid('import.row_not_completable', `Không nhập được ${where}: ${blocker.message}`, blocker.path, { row: r.source.row, findings: [...errors, ...unacknowledged] });
}

/** Creates one completed record from an imported row, in `tx`; a replayed row adds nothing. */
export async function importRecord(tx: Transaction<Database>, input: ImportRecordInput): Promise<ImportedRecord> {
  const [stored] = await findActionsByTx(tx, [input.clientTxId]);
  if (stored) return { recordId: stored.record_id, replayed: true };
  const recordId = await insertEmptyRecord(tx, { bookId: input.projectInto ?? input.bookId, registerType: input.registerType, templateId: input.templateId });
  const history: RecordAction[] = [];
  for (const [clientTxId, body] of plannedBodies(input)) {
    if (body.kind === 'completed') assertCompletable(fold(history), input);
    const row = { record_id: recordId, client_tx_id: clientTxId, kind: body.kind, actor_id: actorIdOf(input.actor), payload: JSON.stringify(body.payload) };
    const { action, replayed } = await appendAction(tx, row);
    if (replayed) throw new Invalid('import.tx_reused', `Mã giao dịch ${clientTxId} đã được dùng cho bản ghi khác.`);
    history.push(action);
  }
  const state = fold(history);
  await writeProjection(tx, recordId, input.projectInto ? { ...state, bookId: input.projectInto } : state);
  return { recordId, replayed: false };
}
