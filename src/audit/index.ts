/**
 * audit — the history of everything that is not a record (entity_actions:
 * books, pages, users, grants, QC, exports, imports), the access log of reads
 * of personal data, the hash chains over them and record_actions (verify,
 * heads, daily checkpoints; one chain per log and book since 0028, so
 * writers of different books never wait for each other), the audit listing,
 * and backup/restore.
 * Invariants: the logs are append-only (database triggers refuse UPDATE,
 * DELETE, TRUNCATE); every row gets its place and hash in its chain from a
 * database trigger, never from the app; an action carries its actor (null
 * only for the system) and, when it belongs to a book, the book's id, so
 * histories follow the same scope rules as the book. Imports only store,
 * blobs and core: callers hand in the scope as SQL predicates.
 */
export { appendEntityAction, listEntityActions, listBookActions, ENTITY_TYPES, type EntityType, type NewEntityAction } from './entity-actions.repo.js';
export { logAccess, ACCESS_ACTIONS, type AccessAction, type AccessEntry } from './access-log.repo.js';
export { CHAINS, chainLabel, chainBook, chainLog, GENESIS_HASH, isChainId, type ChainId, type ChainLog, type ChainHead } from './chain.js';
export { bookChainId, lockBookChains, lockChains } from './chain-locks.js';
export { verifyAuditChains, type VerifyReport, type ChainReport, type VerifyOptions } from './verify.service.js';
export { PROBLEM_KINDS, type ChainProblem, type ProblemKind, type Anchor } from './verify-problems.js';
export { listAuditHeads, takeCheckpoint, headLine, parseHeadLine, vietnamDay } from './checkpoint.service.js';
export type { Checkpoint } from './heads.repo.js';
export { listAudit } from './audit-list.service.js';
export { AuditQuery, type AuditItem, type AuditPage } from './audit-list.schema.js';
export type { AuditScope } from './audit-list.repo.js';
export { auditRoutes, type AuditRoutesOptions } from './audit.routes.js';
export { createBackup, type BackupOptions, type BackupProgress, type BackupStep } from './backup.service.js';
export { restoreBackup, type RestoreReport, type RestoreTarget, type RestoreProgress, type RestoreStep } from './restore.service.js';
export type { DatabaseTarget } from './backup-database.js';
export { BackupManifest, MANIFEST_NAME } from './backup-manifest.js';
