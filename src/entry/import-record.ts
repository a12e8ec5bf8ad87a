/**
 * A registration imported from a file (src/exchange import), written inside
 * the importer's transaction: created (with its source: file, sheet, row,
 * sha256; no page yet) + keyed (the values) + warnings_acknowledged (by the
 * importing user) + completed, then the projection. The client transaction
 * ids derive from the caller's `clientTxId` (file sha256 + sheet + row), so
 * replaying the same row finds its record and adds nothing. A row that could
 * not be completed (an ERROR, an unacknowledged WARNING) throws and the whole
 * import rolls back. importRecords writes a whole batch of rows in a few
 * statements (one each for the replay check, the records rows written whole
 * as the fold of their actions, the actions, findings, people and linkage
 * marks): on PGlite a statement costs about a millisecond whatever its size,
 * so row by row an import ran at a few dozen rows a second.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { actorIdOf, type Actor } from '../auth/index.js';
import { Invalid } from '../core/index.js';
import type { Database, NewRecordAction } from '../store/index.js';
import type { ImportSource, RecordActionBody } from './actions.schema.js';
import { appendNewActions, findActionsByTx } from './actions.repo.js';
import { fold, type FoldableAction, type RecordState } from './fold.js';
import { completionBlockers, recordFindings } from './record-view.js';
import { insertProjected } from './records.repo.js';

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

/** One row's plan: its record id, its actions as they will be stored and their fold. */
export interface PlannedImport {
  clientTxId: string;
  recordId: string;
  rows: NewRecordAction[];
  state: RecordState;
}

/** The row's actions as stored at `now`, checked completable. */
function plan(input: ImportRecordInput, now: Date): PlannedImport {
  const recordId = randomUUID();
  const actorId = actorIdOf(input.actor);
  const history: FoldableAction[] = [];
  const rows: NewRecordAction[] = [];
  for (const [clientTxId, body] of plannedBodies(input)) {
    if (body.kind === 'completed') assertCompletable(fold(history), input);
    history.push({ kind: body.kind, payload: body.payload, actor_id: actorId, created_at: now });
    rows.push({ record_id: recordId, client_tx_id: clientTxId, kind: body.kind, actor_id: actorId, payload: JSON.stringify(body.payload), created_at: now });
  }
  const state = fold(history);
  return { clientTxId: input.clientTxId, recordId, rows, state: input.projectInto ? { ...state, bookId: input.projectInto } : state };
}

/**
 * The records of imported rows, planned without the database (pure CPU work: validation and fold, which a
 * caller can split with pauses for the event loop): their actions stamped `now`, each row checked completable
 * (a row that is not throws, before anything is written).
 */
export function planImports(inputs: readonly ImportRecordInput[], now: Date = new Date()): PlannedImport[] {
  if (new Set(inputs.map((i) => i.clientTxId)).size !== inputs.length) throw new Invalid('import.tx_reused', 'Một mã giao dịch được dùng cho hai dòng nhập.');
  return inputs.map((i) => plan(i, now));
}

/**
 * Writes planned rows in `tx`, in a few statements for the whole list (an import batch): a row already imported
 * (its clientTxId stored) adds nothing; each new records row is written whole, as the fold of its actions, then
 * its actions (the chain trigger stamps them one by one).
 */
export async function writePlannedImports(tx: Transaction<Database>, planned: readonly PlannedImport[]): Promise<ImportedRecord[]> {
  const stored = new Map(
    (
      await findActionsByTx(
        tx,
        planned.map((p) => p.clientTxId),
      )
    ).map((a) => [a.client_tx_id, a.record_id]),
  );
  const fresh = planned.filter((p) => !stored.has(p.clientTxId));
  await insertProjected(
    tx,
    fresh.map((p) => ({ id: p.recordId, state: p.state, createdAt: p.rows[0]!.created_at as Date })),
  );
  const rows = fresh.flatMap((p) => p.rows);
  const written = new Set(await appendNewActions(tx, rows));
  const reused = rows.find((r) => !written.has(r.client_tx_id));
  if (reused) throw new Invalid('import.tx_reused', `Mã giao dịch ${reused.client_tx_id} đã được dùng cho bản ghi khác.`);
  return planned.map((p) => {
    const old = stored.get(p.clientTxId);
    return old !== undefined ? { recordId: old, replayed: true } : { recordId: p.recordId, replayed: false };
  });
}

/** Creates one completed record per imported row, in `tx` (planImports + writePlannedImports). */
export async function importRecords(tx: Transaction<Database>, inputs: readonly ImportRecordInput[]): Promise<ImportedRecord[]> {
  return writePlannedImports(tx, planImports(inputs));
}

/** Creates one completed record from an imported row, in `tx`; a replayed row adds nothing. */
export async function importRecord(tx: Transaction<Database>, input: ImportRecordInput): Promise<ImportedRecord> {
  return (await importRecords(tx, [input]))[0]!;
}
