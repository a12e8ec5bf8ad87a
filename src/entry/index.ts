/**
 * entry — keying: records as append-only actions plus a projection.
 * So far: the idempotent action log (appendAction, listActions). The fold of
 * actions into the records row and the keying API come with the workbench.
 * Invariants: an action is never changed or removed; the same client_tx_id
 * is stored once.
 */
export { appendAction, listActions, type AppendResult } from './actions.repo.js';
export { findRecord, listRecordsOfBook } from './records.repo.js';
