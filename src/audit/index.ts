/**
 * audit — the history of everything that is not a record (entity_actions:
 * books, pages, users, grants, QC, exports, imports) and the access log of
 * reads of personal data.
 * Invariants: both tables are append-only (database triggers refuse UPDATE,
 * DELETE, TRUNCATE); an action carries its actor (null only for the system)
 * and, when it belongs to a book, the book's id, so histories follow the
 * same scope rules as the book. This module imports only store and core.
 */
export { appendEntityAction, listEntityActions, listBookActions, ENTITY_TYPES, type EntityType, type NewEntityAction } from './entity-actions.repo.js';
export { logAccess, ACCESS_ACTIONS, type AccessAction, type AccessEntry } from './access-log.repo.js';
