/**
 * entry — keying: records as append-only actions plus a projection.
 * Owns record_actions (created, keyed, corrected, flagged,
 * warnings_acknowledged, completed, reopened; compared, arbitrated, verified
 * written by src/qc) and the records row, which is
 * fold(actions) (fold.ts, pure) written in the same transaction as the action.
 * Invariants: an action is never changed or removed (trigger); a client_tx_id
 * is stored once and replaying it returns the first answer and changes
 * nothing; a write names the version it saw and a stale one gets a Conflict
 * listing what changed, never an overwrite; version = number of actions; a
 * completed record has no ERROR finding and every WARNING acknowledged.
 * Lifecycle (lifecycle.ts, checked by the record writer in its transaction):
 * after QC acceptance only a checker changes or reopens a registration (with
 * a reason to reopen); after its book's export sign-off every change is a
 * correction with a reason, written to export_changes (the export is stale).
 * A client_tx_id replayed with another content is refused (422).
 * record_findings holds each registration's findings as of its last change,
 * stamped with record and rules version (record-findings.ts); lists read it.
 * A row with keying_of set is a KEYING PASS of a registration (src/qc owns
 * the rules): listed nowhere as a registration, readable by its keyer only.
 */
export { appendAction, listActions, type AppendResult } from './actions.repo.js';
export { findRecord, listRecordsOfBook, listPassesOf, lockRecord, projectionRow, stateOfRow } from './records.repo.js';
export { appendInTransaction } from './record-writer.js';
export { assertCanRead, assertCanWrite, creatorOf } from './record-access.js';
export { recordNotFound } from './record-errors.js';
export { streamBookRecords, type StreamRecordsOptions } from './records-stream.js';
export {
  ACTION_KINDS,
  FLAG_KINDS,
  KEYING_PASSES,
  FieldFlag,
  Region,
  Provenance,
  PROVENANCES,
  ComparedPayload,
  ArbitratedPayload,
  VerifiedPayload,
  type ActionKind,
  type KeyingPass,
  type RecordActionBody,
} from './actions.schema.js';
export { fold, applyAction, type RecordState, type RecordStatus, type FoldableAction } from './fold.js';
export { changesSince, type ChangesSince, type FieldChange, type FlagChange } from './changes-since.js';
export { CreateRecordInput, SaveRecordInput, CompleteRecordInput, ReopenRecordInput, RecordListQuery } from './entry.schema.js';
export {
  createRecord,
  saveRecord,
  completeRecord,
  reopenRecord,
  createKeyingPass,
  createMachinePass,
  type CompleteOptions,
  type CreatePassInput,
  type WriteGuard,
  type WriteOptions,
  type WriteOp,
} from './keying.service.js';
export { type PlannedAction } from './save-plan.js';
export { getRecordView, listBookRecords, listBookRecordsPage, recordHistory, mainNameField, type RecordListItem, type RecordPage, type HistoryEntry } from './records.service.js';
export { RULES_VERSION, findingsOf } from './record-findings.js';
export { recordView, recordFindings, completionBlockers, isAcknowledged, type RecordView, type RecordFinding } from './record-view.js';
export { entryRoutes, type EntryPolicy } from './entry.routes.js';
export { bookHistory, recordTimeline, type HistoryItem, type RecordTimeline } from './history.service.js';
export { RECORD_STAGES, STAGE_LABELS, TRANSITIONS, lifecycleRule, recordStage, type RecordStage, type LifecycleOp } from './lifecycle.js';
export { importRecord, importRecords, planImports, writePlannedImports, type PlannedImport, type ImportRecordInput, type ImportedRecord } from './import-record.js';
export { ImportSource } from './actions.schema.js';
