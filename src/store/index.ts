/**
 * store — the database. Kysely over embedded PGlite (default) or PostgreSQL
 * (DATABASE_URL). Owns the numbered migrations and the hand-written table
 * types; knows nothing of the domain.
 * Invariants: one SQL for both backends; migrations are applied in order, once,
 * in one transaction; PGlite access is serialized (it is a single session);
 * record_actions is append-only (enforced by a trigger).
 */
export { PGliteDialect } from './pglite-dialect.js';
export { openStore, openPGlite, dropPgSchema, type Store, type Backend, type OpenStoreOptions } from './database.js';
export { ReplicaRouter, currentWalLsn, lsnValue, type ReplicaStatus } from './replica.js';
export { migrate, migrationChecksum, type MigrationReport } from './migrator.js';
export { isUniqueViolation } from './errors.js';
export { transact, transactContext, transactRetrying, isRetryableConflict, RETRY_ATTEMPTS, type RetryLog } from './transact.js';
export { refreshStatistics, staleTables, tableSizes, isStale, GROWTH, MIN_PAGES, type TableSize } from './statistics.js';
export { provinceOfBook, provinceOfRecord, provincesOf } from './partitions.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export type * from './schema.js';
export { sql } from 'kysely';
