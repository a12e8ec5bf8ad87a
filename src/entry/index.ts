/**
 * entry — keying: records as append-only actions plus a projection.
 * Owns record_actions (created, keyed, corrected, flagged,
 * warnings_acknowledged, completed, reopened) and the records row, which is
 * fold(actions) (fold.ts, pure) written in the same transaction as the action.
 * Invariants: an action is never changed or removed (trigger); a client_tx_id
 * is stored once and replaying it returns the first answer and changes
 * nothing; a write names the version it saw and a stale one gets a Conflict
 * listing what changed, never an overwrite; version = number of actions; a
 * completed record has no ERROR finding and every WARNING acknowledged.
 */
export { appendAction, listActions, type AppendResult } from './actions.repo.js';
export { findRecord, listRecordsOfBook } from './records.repo.js';
export { ACTION_KINDS, FLAG_KINDS, FieldFlag, Region, type ActionKind, type RecordActionBody } from './actions.schema.js';
export { fold, applyAction, type RecordState, type RecordStatus, type FoldableAction } from './fold.js';
export { changesSince, type ChangesSince, type FieldChange, type FlagChange } from './changes-since.js';
export { CreateRecordInput, SaveRecordInput, CompleteRecordInput, ReopenRecordInput } from './entry.schema.js';
export { createRecord, saveRecord, completeRecord, reopenRecord } from './keying.service.js';
export { getRecordView, listBookRecords, recordHistory, mainNameField, type RecordListItem, type HistoryEntry } from './records.service.js';
export { type RecordView, type RecordFinding } from './record-view.js';
export { entryRoutes } from './entry.routes.js';
